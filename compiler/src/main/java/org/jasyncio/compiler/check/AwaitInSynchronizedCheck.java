package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * {@code await} while a monitor is held: in a {@code synchronized} method or block. A monitor belongs
 * to a thread and cannot be held across a suspension.
 */
final class AwaitInSynchronizedCheck implements Check {

    /** Deeper nesting than this is no javac output; the bound keeps a malformed loop finite. */
    private static final int MAX_NESTING = 255;

    @Override
    public void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        if (!Where.isAsync(method) || method.instructions.size() == 0) {
            return;
        }
        boolean synchronizedMethod = (method.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        int[] held = synchronizedMethod ? null : monitorsHeld(method);
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && Abi.isAwait(call.owner, call.name)) {
                if (synchronizedMethod) {
                    report.accept(Where.at(owner, method, insn,
                            "await in a synchronized method: a monitor cannot be held across a suspension."
                                    + " Remove 'synchronized'; code on one event loop is never preempted, or use"
                                    + " a lock that is released before the await."));
                } else if (held[method.instructions.indexOf(insn)] > 0) {
                    report.accept(Where.at(owner, method, insn,
                            "await inside a synchronized block: a monitor cannot be held across a suspension."
                                    + " Move the await out of the synchronized block."));
                }
            }
        }
    }

    /** The number of monitors held before each instruction, the most over all paths that reach it. */
    private static int[] monitorsHeld(MethodNode method) {
        InsnList insns = method.instructions;
        int[] held = new int[insns.size()];
        Arrays.fill(held, -1);
        Deque<Integer> work = new ArrayDeque<>();
        held[0] = 0;
        work.push(0);
        while (!work.isEmpty()) {
            int index = work.pop();
            AbstractInsnNode insn = insns.get(index);
            int after = held[index] + switch (insn.getOpcode()) {
                case Opcodes.MONITORENTER -> 1;
                case Opcodes.MONITOREXIT -> -1;
                default -> 0;
            };
            for (TryCatchBlockNode handler : method.tryCatchBlocks) {
                if (index >= insns.indexOf(handler.start) && index < insns.indexOf(handler.end)) {
                    flow(held, work, insns.indexOf(handler.handler), held[index]);
                }
            }
            if (insn instanceof JumpInsnNode jump) {
                flow(held, work, insns.indexOf(jump.label), after);
                if (insn.getOpcode() == Opcodes.GOTO) {
                    continue;
                }
            } else if (insn instanceof TableSwitchInsnNode table) {
                flow(held, work, insns.indexOf(table.dflt), after);
                table.labels.forEach(label -> flow(held, work, insns.indexOf(label), after));
                continue;
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                flow(held, work, insns.indexOf(lookup.dflt), after);
                lookup.labels.forEach(label -> flow(held, work, insns.indexOf(label), after));
                continue;
            } else if (endsFlow(insn.getOpcode())) {
                continue;
            }
            if (index + 1 < insns.size()) {
                flow(held, work, index + 1, after);
            }
        }
        return held;
    }

    private static void flow(int[] held, Deque<Integer> work, int target, int count) {
        if (count > held[target] && count <= MAX_NESTING) {
            held[target] = count;
            work.push(target);
        }
    }

    private static boolean endsFlow(int opcode) {
        return opcode == Opcodes.ATHROW || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN);
    }
}
