package org.jasyncio.compiler.analysis;

import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

/**
 * The verifier's types before each instruction of a method, read from the class file's own stack
 * map frames. No other class is loaded or read: where paths merge, the frame javac wrote says the type.
 *
 * <p>Both lists are indexed by slot, as {@link AnalyzerAdapter} keeps them: a {@code long} or
 * {@code double} takes its slot and a following {@code TOP}. Types are {@code Opcodes.INTEGER},
 * {@code FLOAT}, {@code LONG}, {@code DOUBLE}, {@code NULL}, {@code TOP}, an internal class name, or
 * the {@code Label} of the {@code NEW} instruction that made a not yet initialised object.
 *
 * @param locals the local variable slots
 * @param stack  the operand stack, bottom first
 */
public record FrameTypes(List<Object> locals, List<Object> stack) {

    public FrameTypes {
        locals = List.copyOf(locals);
        stack = List.copyOf(stack);
    }

    /**
     * The frame before each instruction of {@code method}, indexed as {@code method.instructions};
     * null where the instruction cannot be reached. The method must have been read with expanded frames.
     */
    public static FrameTypes[] of(String owner, MethodNode method) {
        AnalyzerAdapter adapter = new AnalyzerAdapter(owner, method.access, method.name, method.desc, null);
        FrameTypes[] frames = new FrameTypes[method.instructions.size()];
        int index = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (adapter.locals != null) {
                frames[index] = new FrameTypes(adapter.locals, adapter.stack);
            }
            insn.accept(adapter);
            index++;
        }
        return frames;
    }
}
