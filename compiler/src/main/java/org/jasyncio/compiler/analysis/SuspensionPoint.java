package org.jasyncio.compiler.analysis;

import org.objectweb.asm.tree.MethodInsnNode;

import java.util.List;

/**
 * One {@code await} in a method: where it is, what the verifier knows there, and what is saved.
 *
 * @param state  the state number the frame holds while suspended here (1, 2, ...)
 * @param call   the {@code Asyncio.await} call this point replaces
 * @param line   its source line, or -1
 * @param frame  the verifier's types before the call, the awaited value on top of the stack
 * @param locals every typed local variable slot, live ones with a field, dead ones restored as constants
 * @param stack  the operand stack under the awaited value, bottom first
 */
public record SuspensionPoint(int state, MethodInsnNode call, int line, FrameTypes frame,
                              List<SavedValue> locals, List<SavedValue> stack) {

    public SuspensionPoint {
        locals = List.copyOf(locals);
        stack = List.copyOf(stack);
    }
}
