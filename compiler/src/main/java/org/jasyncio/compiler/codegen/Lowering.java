package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.jasyncio.compiler.analysis.FrameTypes;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rewrites an {@code @Async} body, before analysis, into the few shapes code generation handles:
 * every {@code return} returns a value, and no object under construction is on the operand stack at
 * an {@code await}. The method keeps its meaning and its frames stay valid.
 */
public final class Lowering {

    private Lowering() {
    }

    /**
     * Makes each {@code areturn} return the coroutine's value. {@code return completed(v)} returns
     * {@code v} directly; any other returned coroutine is awaited first, as API rule 4 says.
     */
    public static void lowerReturns(MethodNode method) {
        Set<LabelNode> targets = branchTargets(method);
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (insn.getOpcode() != Opcodes.ARETURN) {
                continue;
            }
            AbstractInsnNode previous = straightLinePredecessor(insn, targets);
            if (previous instanceof MethodInsnNode call && isCompleted(call, Abi.COMPLETED_VALUE_DESC)) {
                method.instructions.remove(call);
            } else if (previous instanceof MethodInsnNode call && isCompleted(call, Abi.COMPLETED_VOID_DESC)) {
                method.instructions.set(call, new InsnNode(Opcodes.ACONST_NULL));
            } else {
                method.instructions.insertBefore(insn, new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.ASYNCIO,
                        Abi.AWAIT, Abi.AWAIT_AWAITABLE_DESC, false));
            }
        }
    }

    /**
     * Folds {@code await(completed(v))} to {@code v} and {@code await(completed())} to {@code null}:
     * the coroutine would complete at once anyway, and this way the await allocates nothing.
     */
    public static void foldCompletedAwaits(MethodNode method) {
        Set<LabelNode> targets = branchTargets(method);
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (!(insn instanceof MethodInsnNode await && Abi.isAwait(await.owner, await.name))) {
                continue;
            }
            AbstractInsnNode previous = straightLinePredecessor(insn, targets);
            if (previous instanceof MethodInsnNode call && isCompleted(call, Abi.COMPLETED_VALUE_DESC)) {
                method.instructions.remove(call);
                method.instructions.remove(insn);
            } else if (previous instanceof MethodInsnNode call && isCompleted(call, Abi.COMPLETED_VOID_DESC)) {
                method.instructions.set(call, new InsnNode(Opcodes.ACONST_NULL));
                method.instructions.remove(insn);
            }
        }
    }

    /**
     * Moves the {@code new X; dup} of each object whose construction spans an {@code await} to just
     * before its constructor call, with the arguments kept in fresh local variables meanwhile: an
     * object under construction cannot be stored in a field, but nothing observable happens between
     * {@code new} and the constructor except class initialisation, which now happens after the
     * arguments are evaluated instead of before.
     */
    public static void relocateConstructions(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        labelEveryNew(method);
        FrameTypes[] frames = FrameTypes.of(owner.name, method);
        Set<Label> spanning = new LinkedHashSet<>();
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof MethodInsnNode call && Abi.isAwait(call.owner, call.name) && frames[i] != null) {
                for (Object type : frames[i].stack()) {
                    if (type instanceof Label label) {
                        spanning.add(label);
                    }
                }
            }
        }
        if (spanning.isEmpty()) {
            return;
        }
        Map<Label, TypeInsnNode> news = newsByLabel(method);
        for (Label label : spanning) {
            TypeInsnNode creation = news.get(label);
            AbstractInsnNode dup = creation == null ? null : nextInstruction(creation);
            MethodInsnNode constructor = creation == null ? null : constructorOf(label, creation, insns, frames);
            if (dup == null || dup.getOpcode() != Opcodes.DUP || constructor == null) {
                report.accept(Where.at(owner, method, creation, "an object is under construction across an"
                        + " await in a form javac does not emit. Construct the object after the await."));
                continue;
            }
            relocate(method, label, creation, dup, constructor);
        }
    }

    private static void relocate(MethodNode method, Label label, TypeInsnNode creation, AbstractInsnNode dup,
                                 MethodInsnNode constructor) {
        InsnList code = method.instructions;
        code.remove(creation);
        code.remove(dup);
        Type[] arguments = Type.getArgumentTypes(constructor.desc);
        int[] slots = new int[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += arguments[i].getSize();
        }
        InsnList rebuild = new InsnList();
        for (int i = arguments.length - 1; i >= 0; i--) {
            rebuild.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        rebuild.add(new TypeInsnNode(Opcodes.NEW, creation.desc));
        rebuild.add(new InsnNode(Opcodes.DUP));
        for (int i = 0; i < arguments.length; i++) {
            rebuild.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        code.insertBefore(constructor, rebuild);
        for (AbstractInsnNode insn : code) {
            if (insn instanceof FrameNode frame && frame.stack != null) {
                frame.stack.removeIf(type -> type instanceof LabelNode node && node.getLabel() == label);
            }
        }
    }

    /** The constructor call whose receiver is the object created at {@code label}. */
    private static MethodInsnNode constructorOf(Label label, TypeInsnNode creation, AbstractInsnNode[] insns,
                                                FrameTypes[] frames) {
        for (int i = indexOf(insns, creation) + 1; i < insns.length; i++) {
            if (insns[i] instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
                    && "<init>".equals(call.name) && frames[i] != null) {
                int argumentSlots = 0;
                for (Type argument : Type.getArgumentTypes(call.desc)) {
                    argumentSlots += argument.getSize();
                }
                List<Object> stack = frames[i].stack();
                if (stack.get(stack.size() - 1 - argumentSlots) == label) {
                    return call;
                }
            }
        }
        return null;
    }

    private static int indexOf(AbstractInsnNode[] insns, AbstractInsnNode insn) {
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] == insn) {
                return i;
            }
        }
        return -1;
    }

    /** Gives every {@code NEW} a label just before it, so its uninitialised type can be traced back to it. */
    private static void labelEveryNew(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.NEW && !(skipDebugInfo(insn.getPrevious()) instanceof LabelNode)) {
                method.instructions.insertBefore(insn, new LabelNode());
            }
        }
    }

    /** Skips back over line numbers and frames, which do not end the run of labels an instruction has. */
    private static AbstractInsnNode skipDebugInfo(AbstractInsnNode insn) {
        AbstractInsnNode node = insn;
        while (node instanceof LineNumberNode || node instanceof FrameNode) {
            node = node.getPrevious();
        }
        return node;
    }

    private static Map<Label, TypeInsnNode> newsByLabel(MethodNode method) {
        Map<Label, TypeInsnNode> news = new HashMap<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.NEW) {
                for (AbstractInsnNode node = insn.getPrevious();
                     node instanceof LabelNode || node instanceof LineNumberNode || node instanceof FrameNode;
                     node = node.getPrevious()) {
                    if (node instanceof LabelNode labelNode) {
                        news.put(labelNode.getLabel(), (TypeInsnNode) insn);
                    }
                }
            }
        }
        return news;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
        AbstractInsnNode node = insn.getNext();
        while (node != null && node.getOpcode() < 0) {
            node = node.getNext();
        }
        return node;
    }

    /** The instruction that always runs just before {@code insn}, or null when a branch may lead there. */
    private static AbstractInsnNode straightLinePredecessor(AbstractInsnNode insn, Set<LabelNode> targets) {
        for (AbstractInsnNode node = insn.getPrevious(); node != null; node = node.getPrevious()) {
            if (node instanceof FrameNode || (node instanceof LabelNode label && targets.contains(label))) {
                return null;
            }
            if (node.getOpcode() >= 0) {
                return node;
            }
        }
        return null;
    }

    private static boolean isCompleted(MethodInsnNode call, String descriptor) {
        return call.getOpcode() == Opcodes.INVOKESTATIC && Abi.ASYNCIO.equals(call.owner)
                && Abi.COMPLETED.equals(call.name) && descriptor.equals(call.desc);
    }

    /** The labels a jump, a switch or an exception handler leads to. */
    static Set<LabelNode> branchTargets(MethodNode method) {
        Set<LabelNode> targets = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode jump) {
                targets.add(jump.label);
            } else if (insn instanceof TableSwitchInsnNode table) {
                targets.add(table.dflt);
                targets.addAll(table.labels);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                targets.add(lookup.dflt);
                targets.addAll(lookup.labels);
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            targets.add(block.handler);
        }
        return targets;
    }
}
