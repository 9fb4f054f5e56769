package org.jasyncio.compiler.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which local variable slots may still be read after each instruction: backward data flow over the
 * method's control flow graph, exception edges included. Only live values are saved at a suspension,
 * so a suspended coroutine pins nothing it will not use again.
 */
final class Liveness {

    private final BitSet[] liveIn;
    private final int[][] successors;

    private Liveness(BitSet[] liveIn, int[][] successors) {
        this.liveIn = liveIn;
        this.successors = successors;
    }

    static Liveness of(MethodNode method) {
        InsnList insns = method.instructions;
        int size = insns.size();
        int[][] successors = successors(method);
        BitSet[] liveIn = new BitSet[size];
        for (int i = 0; i < size; i++) {
            liveIn[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = size - 1; i >= 0; i--) {
                BitSet live = new BitSet();
                for (int successor : successors[i]) {
                    live.or(liveIn[successor]);
                }
                AbstractInsnNode insn = insns.get(i);
                if (insn instanceof VarInsnNode var) {
                    if (var.getOpcode() >= Opcodes.ISTORE && var.getOpcode() <= Opcodes.ASTORE) {
                        live.clear(var.var);
                    } else if (var.getOpcode() != Opcodes.RET) {
                        live.set(var.var);
                    }
                } else if (insn instanceof IincInsnNode iinc) {
                    live.set(iinc.var);
                }
                if (!live.equals(liveIn[i])) {
                    liveIn[i] = live;
                    changed = true;
                }
            }
        }
        return new Liveness(liveIn, successors);
    }

    /** The slots that may be read after instruction {@code index}, along any normal or exceptional path. */
    BitSet liveAfter(int index) {
        BitSet live = new BitSet();
        for (int successor : successors[index]) {
            live.or(liveIn[successor]);
        }
        return live;
    }

    private static int[][] successors(MethodNode method) {
        InsnList insns = method.instructions;
        int size = insns.size();
        List<List<Integer>> edges = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            edges.add(new ArrayList<>(2));
        }
        for (int i = 0; i < size; i++) {
            AbstractInsnNode insn = insns.get(i);
            List<Integer> out = edges.get(i);
            if (insn instanceof JumpInsnNode jump) {
                out.add(insns.indexOf(jump.label));
            } else if (insn instanceof TableSwitchInsnNode table) {
                addAll(out, insns, table.dflt, table.labels);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                addAll(out, insns, lookup.dflt, lookup.labels);
            }
            if (fallsThrough(insn) && i + 1 < size) {
                out.add(i + 1);
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int handler = insns.indexOf(block.handler);
            for (int i = insns.indexOf(block.start); i < insns.indexOf(block.end); i++) {
                edges.get(i).add(handler);
            }
        }
        int[][] result = new int[size][];
        for (int i = 0; i < size; i++) {
            result[i] = edges.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    private static void addAll(List<Integer> out, InsnList insns, LabelNode dflt, List<LabelNode> labels) {
        out.add(insns.indexOf(dflt));
        for (LabelNode label : labels) {
            out.add(insns.indexOf(label));
        }
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return !(insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode
                || opcode == Opcodes.GOTO || opcode == Opcodes.ATHROW
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN));
    }
}
