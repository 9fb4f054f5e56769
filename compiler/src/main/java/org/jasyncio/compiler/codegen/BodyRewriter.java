package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.analysis.MethodAnalyzer;
import org.jasyncio.compiler.analysis.MethodPlan;
import org.jasyncio.compiler.analysis.SavedValue;
import org.jasyncio.compiler.analysis.SpillField;
import org.jasyncio.compiler.analysis.SuspensionPoint;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a lowered, planned {@code @Async} method into its state machine body, in place.
 *
 * <p>The body takes three more parameters right after {@code this}: its frame ({@code null} when it
 * is called through its direct entry and has not suspended yet), its task and the state to start in;
 * the method's own arguments follow, and every other slot moves up by three. It returns
 * {@code Object}, and starts with a dispatch on the state. Each {@code await} becomes a call of
 * {@code Await.await}, or, for {@code await(f(args))}, an {@code invokedynamic} of {@code f}'s direct
 * entry; when that returns {@code SUSPENDED}, a save block after all the original code takes the
 * frame (the frame class's {@code suspending} makes it if the body has none, records the state and
 * links it into the task's chain), puts the stack under the awaited value and the live locals into
 * its fields, and the body returns {@code SUSPENDED}. Resuming at point {@code k} jumps to a
 * restore block there too (outside every {@code try} range), which reloads them and jumps back to a
 * call of {@code Await.resumed} at the original place, inside the original {@code try} ranges, so
 * that an exception delivered there is caught exactly where the source says.
 *
 * <p>What coverage tools count of it: the dispatch comes before the method's first line, so it
 * belongs to no line; the save and restore blocks of a point carry the
 * line of its {@code await}, which has run whenever they do. So the lines are the method's own. The
 * branches are not quite: the dispatch's {@code tableswitch} (one target for the start and one per
 * point, each covered once the body resumed there) and each await's test of {@code SUSPENDED} (two
 * branches: covered once it completed at once, once it suspended) add {@code 3n + 1} branches for
 * {@code n} points. Jumping by exceptions instead adds none, but cost over ten times as much per
 * suspension (a yield: 629 against 51 ns), as the JIT left those throws to the runtime's handler
 * lookup.
 *
 * <p>Every original instruction sees the same verifier types as before: dead locals that the frames
 * still declare are restored as {@code null} or zero. So the class file's own stack map frames stay
 * valid, shifted by the frame slot, and new ones are written only at the new labels.
 */
public final class BodyRewriter {

    private final MethodNode body;
    private final FrameShape shape;
    private final MethodPlan plan;
    private final int frameSlot;
    private final int taskSlot;
    private final boolean directCalls;

    private BodyRewriter(MethodNode body, FrameShape shape, MethodPlan plan, boolean directCalls) {
        this.body = body;
        this.shape = shape;
        this.plan = plan;
        this.frameSlot = shape.frameSlot();
        this.taskSlot = shape.taskSlot();
        this.directCalls = directCalls;
    }

    /**
     * Rewrites {@code body} (the method's code, lowered and planned) into the state machine body;
     * with {@code directCalls} (class files that may hold {@code invokedynamic}), an await of a call
     * becomes a direct call.
     */
    public static void rewrite(MethodNode body, FrameShape shape, MethodPlan plan, boolean directCalls) {
        new BodyRewriter(body, shape, plan, directCalls).rewrite();
    }

    private void rewrite() {
        Set<LabelNode> targets = Lowering.branchTargets(body);
        shiftLocals();
        InsnList blocks = new InsnList();
        List<LabelNode> restoreLabels = new ArrayList<>();
        for (SuspensionPoint point : plan.points()) {
            LabelNode resumed = new LabelNode();
            LabelNode save = new LabelNode();
            MethodInsnNode direct = directCalls ? directlyAwaited(point.call(), targets) : null;
            body.instructions.insertBefore(point.call(), awaitSite(point, direct, save, resumed));
            body.instructions.remove(point.call());
            if (direct != null) {
                body.instructions.remove(direct);
            }
            blocks.add(save(point, save));
            LabelNode restore = new LabelNode();
            restoreLabels.add(restore);
            blocks.add(restore(point, restore, resumed));
        }
        body.instructions.insert(entry(restoreLabels));
        body.instructions.add(blocks);
        dropFramesSharingAnOffset();
        body.desc = shape.bodyDescriptor();
        body.signature = null;
        body.maxLocals += FrameShape.INSERTED_SLOTS;
    }

    /**
     * The call whose coroutine {@code await} awaits straight away, {@code await(f(args))}, when it
     * may become a direct call: a call (not {@code invokespecial}) returning {@code Coroutine}, right
     * before the await with no branch between.
     */
    private static MethodInsnNode directlyAwaited(MethodInsnNode await, Set<LabelNode> targets) {
        for (AbstractInsnNode node = await.getPrevious(); node != null; node = node.getPrevious()) {
            if (node instanceof FrameNode || (node instanceof LabelNode label && targets.contains(label))) {
                return null;
            }
            if (node.getOpcode() >= 0) {
                return node instanceof MethodInsnNode call && call.getOpcode() != Opcodes.INVOKESPECIAL
                        && !call.owner.startsWith("[")
                        && Type.getReturnType(call.desc).getDescriptor().equals(Abi.COROUTINE_DESC) ? call : null;
            }
        }
        return null;
    }

    /**
     * Keeps one frame per bytecode offset. A frame this class adds can land on the offset of one
     * javac wrote (an await whose value flows straight into a merge point; a body that starts with a
     * loop): javac's, the later one, stays. Every path into that offset carries the original
     * method's types there, which javac's frame already accepted, so it describes them all.
     */
    private void dropFramesSharingAnOffset() {
        FrameNode pending = null;
        for (AbstractInsnNode insn : body.instructions.toArray()) {
            if (insn instanceof FrameNode frame) {
                if (pending != null) {
                    body.instructions.remove(pending);
                }
                pending = frame;
            } else if (insn.getOpcode() >= 0) {
                pending = null;
            }
        }
    }

    /**
     * Moves every local slot at or after the frame slot up by {@link FrameShape#INSERTED_SLOTS}, in
     * code, debug info and frames.
     */
    private void shiftLocals() {
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof VarInsnNode var) {
                var.var = shifted(var.var);
            } else if (insn instanceof IincInsnNode iinc) {
                iinc.var = shifted(iinc.var);
            } else if (insn instanceof FrameNode frame) {
                frame.local = withFrame(frame.local);
            }
        }
        if (body.localVariables != null) {
            for (LocalVariableNode variable : body.localVariables) {
                variable.index = shifted(variable.index);
            }
        }
        shiftAnnotations(body.visibleLocalVariableAnnotations);
        shiftAnnotations(body.invisibleLocalVariableAnnotations);
    }

    private void shiftAnnotations(List<LocalVariableAnnotationNode> annotations) {
        if (annotations != null) {
            for (LocalVariableAnnotationNode annotation : annotations) {
                annotation.index.replaceAll(this::shifted);
            }
        }
    }

    /** A frame's locals (in frame form: one entry per long or double) with the frame, task and state slots inserted. */
    private List<Object> withFrame(List<Object> locals) {
        List<Object> shifted = new ArrayList<>(locals == null ? List.of() : locals);
        while (shifted.size() < frameSlot) {
            shifted.add(Opcodes.TOP);
        }
        shifted.addAll(frameSlot, List.of(shape.name(), Abi.TRAMPOLINE, Opcodes.INTEGER));
        return shifted;
    }

    /**
     * Replaces the {@code Asyncio.await} call: {@code Await.await(x, task)}, or, for a {@code direct}
     * call awaited at once, an {@code invokedynamic} of the callee's direct entry with the call's
     * arguments and the task ({@code DirectCalls}); if it suspended, go to the point's {@code save}
     * block; at {@code resumed}, the restore block's way back in, ask {@code Await.resumed(task)} for
     * the value. Either way the value is then on the stack. The same instructions at every await,
     * whatever it saves, so that the copies javac makes of a {@code finally} block stay alike, which
     * coverage tools look for to count them once.
     */
    private InsnList awaitSite(SuspensionPoint point, MethodInsnNode direct, LabelNode save, LabelNode resumed) {
        InsnList code = new InsnList();
        LabelNode proceed = new LabelNode();
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        if (direct == null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.AWAIT,
                    Abi.AWAIT_SUPPORT_AWAIT_DESC, false));
        } else {
            code.add(directCall(direct));
        }
        code.add(new InsnNode(Opcodes.DUP));
        code.add(suspendedMarker());
        code.add(new JumpInsnNode(Opcodes.IF_ACMPNE, proceed));
        code.add(new JumpInsnNode(Opcodes.GOTO, save));

        List<Object> locals = withFrame(frameForm(point.frame().locals()));
        List<Object> under = frameForm(point.frame().stack().subList(0, point.frame().stack().size() - 1));
        code.add(resumed);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), under.size(), under.toArray()));
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.RESUMED, Abi.RESUMED_DESC, false));
        List<Object> withValue = new ArrayList<>(under);
        withValue.add("java/lang/Object");
        code.add(proceed);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), withValue.size(),
                withValue.toArray()));
        return code;
    }

    /**
     * {@code invokedynamic} of {@code (receiver, arguments…, task)Object}, bootstrapped with the
     * handle of the method {@code call} calls, which {@code DirectCalls} binds to its direct entry.
     */
    private static InvokeDynamicInsnNode directCall(MethodInsnNode call) {
        boolean isStatic = call.getOpcode() == Opcodes.INVOKESTATIC;
        Type[] arguments = Type.getArgumentTypes(call.desc);
        StringBuilder descriptor = new StringBuilder("(");
        if (!isStatic) {
            descriptor.append('L').append(call.owner).append(';');
        }
        for (Type argument : arguments) {
            descriptor.append(argument.getDescriptor());
        }
        descriptor.append(Abi.TRAMPOLINE_DESC).append(')').append(Abi.BODY_RETURN_DESC);
        int tag = switch (call.getOpcode()) {
            case Opcodes.INVOKESTATIC -> Opcodes.H_INVOKESTATIC;
            case Opcodes.INVOKEINTERFACE -> Opcodes.H_INVOKEINTERFACE;
            default -> Opcodes.H_INVOKEVIRTUAL;
        };
        Handle method = new Handle(tag, call.owner, call.name, call.desc, call.itf);
        Handle bootstrap = new Handle(Opcodes.H_INVOKESTATIC, Abi.DIRECT_CALLS, Abi.BOOTSTRAP, Abi.BOOTSTRAP_DESC, false);
        return new InvokeDynamicInsnNode(call.name, descriptor.toString(), bootstrap, method);
    }

    /**
     * The save block of one point, after all the original code: with the stack as the await left it
     * ({@code SUSPENDED} on top), take the frame (made now if the body was called directly) with the
     * point recorded and linked into the task's chain, save the stack under the awaited value and
     * the live locals there, and return {@code SUSPENDED}.
     */
    private InsnList save(SuspensionPoint point, LabelNode save) {
        InsnList code = new InsnList();
        List<Object> locals = withFrame(frameForm(point.frame().locals()));
        List<Object> stack = new ArrayList<>(frameForm(point.frame().stack().subList(0,
                point.frame().stack().size() - 1)));
        stack.add("java/lang/Object");
        code.add(save);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray()));
        if (point.line() > 0) {
            code.add(new LineNumberNode(point.line(), save));
        }
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        if (!shape.isStatic()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new LdcInsnNode(point.state()));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, shape.name(), FrameShape.SUSPENDING,
                shape.suspendingDescriptor(), false));
        code.add(new VarInsnNode(Opcodes.ASTORE, frameSlot));
        List<SavedValue> under = point.stack();
        for (int i = under.size() - 1; i >= 0; i--) {
            code.add(saveStackTop(under.get(i)));
        }
        for (SavedValue local : point.locals()) {
            if (local.field() != null) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new VarInsnNode(loadOpcode(local.verifierType()), shifted(local.index())));
                code.add(putField(local.field()));
            }
        }
        code.add(suspendedMarker());
        code.add(new InsnNode(Opcodes.ARETURN));
        return code;
    }

    /** Stores the value on top of the stack into its field, or drops it when it is restored as a constant. */
    private InsnList saveStackTop(SavedValue value) {
        InsnList code = new InsnList();
        if (value.field() == null) {
            code.add(new InsnNode(Opcodes.POP));
            return code;
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        if (isWide(value.verifierType())) {
            code.add(new InsnNode(Opcodes.DUP_X2));
            code.add(new InsnNode(Opcodes.POP));
        } else {
            code.add(new InsnNode(Opcodes.SWAP));
        }
        code.add(putField(value.field()));
        return code;
    }

    /** The restore block of one point: reload locals and stack, clear the reference fields, go back in. */
    private InsnList restore(SuspensionPoint point, LabelNode restore, LabelNode resumed) {
        InsnList code = new InsnList();
        code.add(restore);
        List<Object> entryLocals = entryLocals();
        code.add(new FrameNode(Opcodes.F_NEW, entryLocals.size(), entryLocals.toArray(), 0, new Object[0]));
        if (point.line() > 0) {
            code.add(new LineNumberNode(point.line(), restore));
        }
        for (SavedValue local : point.locals()) {
            code.add(load(local));
            code.add(new VarInsnNode(storeOpcode(local.verifierType()), shifted(local.index())));
        }
        for (SavedValue value : point.stack()) {
            code.add(load(value));
        }
        for (SavedValue value : savedValues(point)) {
            if (value.field() != null && value.field().isReference()) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new InsnNode(Opcodes.ACONST_NULL));
                code.add(putField(value.field()));
            }
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, resumed));
        return code;
    }

    private static List<SavedValue> savedValues(SuspensionPoint point) {
        List<SavedValue> all = new ArrayList<>(point.locals());
        all.addAll(point.stack());
        return all;
    }

    /** Pushes a saved value: from its field, or as the constant it is restored as. */
    private InsnList load(SavedValue value) {
        InsnList code = new InsnList();
        if (value.field() != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, shape.name(), value.field().name(),
                    value.field().descriptor()));
        } else {
            code.add(new InsnNode(zeroOpcode(value.verifierType())));
        }
        return code;
    }

    /**
     * The method's entry, with suspension points: the dispatch on the state it is given (0 when it
     * starts: the arguments are in their slots already).
     */
    private InsnList entry(List<LabelNode> restoreLabels) {
        InsnList code = new InsnList();
        if (!restoreLabels.isEmpty()) {
            // No target for a state out of range: the frame's resume() rejects it before calling the
            // body, and a target never taken would show as a missed branch in coverage reports.
            LabelNode start = new LabelNode();
            List<Object> entryLocals = entryLocals();
            code.add(new VarInsnNode(Opcodes.ILOAD, shape.stateSlot()));
            code.add(new TableSwitchInsnNode(1, restoreLabels.size(), start, restoreLabels.toArray(new LabelNode[0])));
            code.add(start);
            code.add(new FrameNode(Opcodes.F_NEW, entryLocals.size(), entryLocals.toArray(), 0, new Object[0]));
        }
        return code;
    }

    /** The body's locals as it is entered: receiver, frame, task, state, arguments (in frame form). */
    private List<Object> entryLocals() {
        return withFrame(shape.argumentLocals());
    }

    private FieldInsnNode putField(SpillField field) {
        return new FieldInsnNode(Opcodes.PUTFIELD, shape.name(), field.name(), field.descriptor());
    }

    private static FieldInsnNode suspendedMarker() {
        return new FieldInsnNode(Opcodes.GETSTATIC, Abi.AWAIT_SUPPORT, Abi.SUSPENDED, Abi.SUSPENDED_DESC);
    }

    /** An original slot's place in the body, where the frame, task and state have taken three slots. */
    private int shifted(int slot) {
        return slot >= frameSlot ? slot + FrameShape.INSERTED_SLOTS : slot;
    }

    /** Slot-indexed verifier types (a long or double followed by TOP) in frame form (one entry each). */
    private static List<Object> frameForm(List<Object> slots) {
        List<Object> types = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Object type = slots.get(i);
            types.add(type);
            if (isWide(type)) {
                i++;
            }
        }
        return types;
    }

    private static boolean isWide(Object type) {
        return type == Opcodes.LONG || type == Opcodes.DOUBLE;
    }

    private static int loadOpcode(Object type) {
        return Type.getType(MethodAnalyzer.descriptor(type)).getOpcode(Opcodes.ILOAD);
    }

    private static int storeOpcode(Object type) {
        return type == Opcodes.NULL ? Opcodes.ASTORE
                : Type.getType(MethodAnalyzer.descriptor(type)).getOpcode(Opcodes.ISTORE);
    }

    private static int zeroOpcode(Object type) {
        if (type == Opcodes.INTEGER) {
            return Opcodes.ICONST_0;
        } else if (type == Opcodes.FLOAT) {
            return Opcodes.FCONST_0;
        } else if (type == Opcodes.LONG) {
            return Opcodes.LCONST_0;
        } else if (type == Opcodes.DOUBLE) {
            return Opcodes.DCONST_0;
        }
        return Opcodes.ACONST_NULL;
    }
}
