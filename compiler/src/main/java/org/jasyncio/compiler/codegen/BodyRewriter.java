package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.analysis.MethodAnalyzer;
import org.jasyncio.compiler.analysis.MethodPlan;
import org.jasyncio.compiler.analysis.SavedValue;
import org.jasyncio.compiler.analysis.SpillField;
import org.jasyncio.compiler.analysis.SuspensionPoint;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a lowered, planned {@code @Async} method into its state machine body, in place.
 *
 * <p>The body takes the frame as an extra local (right after {@code this}; every other slot moves up
 * by one) and returns {@code Object}. Each {@code await} becomes a call of
 * {@code Suspension.await(x, frame)}, which throws when the await suspended; a handler that covers
 * just that call saves the live locals and the stack under the awaited value (copied into scratch
 * locals for this, as a throw empties the stack) into the frame's fields and returns
 * {@code SUSPENDED}. On entry, one {@code Suspension.resumeAt(state, k)} per point throws when the
 * frame resumes at point {@code k}; its handler reloads the saved values and jumps back to a call of
 * {@code Await.resumed} right after the await, inside the original {@code try} ranges, so that an
 * exception delivered there is
 * caught exactly where the source says.
 *
 * <p>So the generated code adds no branch instruction (coverage tools count those as the user's,
 * and an exception edge is none), and what it adds outside the await sites sits before the method's
 * first line: the dispatch and the loading of the arguments belong to no line, and the two handlers
 * of each point to the line of its {@code await}, which has run whenever they do.
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
    /** The first local slot past the shifted original ones: where an await keeps the stack under its value. */
    private int scratch;

    private BodyRewriter(MethodNode body, FrameShape shape, MethodPlan plan) {
        this.body = body;
        this.shape = shape;
        this.plan = plan;
        this.frameSlot = shape.frameSlot();
    }

    /** Rewrites {@code body} (the method's code, lowered and planned) into the state machine body. */
    public static void rewrite(MethodNode body, FrameShape shape, MethodPlan plan) {
        new BodyRewriter(body, shape, plan).rewrite();
    }

    private void rewrite() {
        shiftLocals();
        scratch = body.maxLocals + 1;
        int maxLocals = scratch;
        InsnList dispatch = new InsnList();
        InsnList unlined = new InsnList();
        InsnList lined = new InsnList();
        List<TryCatchBlockNode> jumps = new ArrayList<>();
        for (SuspensionPoint point : plan.points()) {
            LabelNode resumed = new LabelNode();
            LabelNode save = new LabelNode();
            LabelNode restore = new LabelNode();
            body.instructions.insertBefore(point.call(), awaitSite(point, resumed, save, jumps));
            body.instructions.remove(point.call());
            dispatch.add(resumeAt(point, restore, jumps));
            InsnList handlers = point.line() > 0 ? lined : unlined;
            handlers.add(save(point, save));
            handlers.add(restore(point, restore, resumed));
            maxLocals = Math.max(maxLocals, scratch + point.frame().stack().size());
        }
        unlined.add(lined);
        body.instructions.insert(plan.points().isEmpty() ? loadArguments() : entry(dispatch, unlined));
        body.tryCatchBlocks.addAll(0, jumps);
        dropFramesSharingAnOffset();
        body.desc = shape.bodyDescriptor();
        body.signature = null;
        body.maxLocals = maxLocals;
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

    /** Moves every local slot at or after the frame slot up by one, in code, debug info and frames. */
    private void shiftLocals() {
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof VarInsnNode var && var.var >= frameSlot) {
                var.var++;
            } else if (insn instanceof IincInsnNode iinc && iinc.var >= frameSlot) {
                iinc.var++;
            } else if (insn instanceof FrameNode frame) {
                frame.local = withFrame(frame.local);
            }
        }
        if (body.localVariables != null) {
            for (LocalVariableNode variable : body.localVariables) {
                if (variable.index >= frameSlot) {
                    variable.index++;
                }
            }
        }
        shiftAnnotations(body.visibleLocalVariableAnnotations);
        shiftAnnotations(body.invisibleLocalVariableAnnotations);
    }

    private void shiftAnnotations(List<LocalVariableAnnotationNode> annotations) {
        if (annotations != null) {
            for (LocalVariableAnnotationNode annotation : annotations) {
                annotation.index.replaceAll(index -> index >= frameSlot ? index + 1 : index);
            }
        }
    }

    /** A frame's locals (in frame form: one entry per long or double) with the frame slot inserted. */
    private List<Object> withFrame(List<Object> locals) {
        List<Object> shifted = new ArrayList<>(locals == null ? List.of() : locals);
        while (shifted.size() < frameSlot) {
            shifted.add(Opcodes.TOP);
        }
        shifted.add(frameSlot, shape.name());
        return shifted;
    }

    /**
     * Replaces the {@code Asyncio.await} call with {@code Suspension.await(x, frame)}, whose throw on
     * suspension goes to the point's {@code save} handler. The stack under {@code x} is first copied
     * into scratch locals, which that handler reads, since a throw empties the stack. The restore
     * handler comes back in at {@code resumed}, with the stack under {@code x} reloaded, where
     * {@code Await.resumed(frame)} gives the value delivered to the frame, inside the original
     * {@code try} ranges. Either way the value is then on the stack. The two paths meet after the
     * value is known, never on {@code x}: a coroutine created for the await and awaited at once is
     * then still scalar-replaced by the JIT.
     */
    private InsnList awaitSite(SuspensionPoint point, LabelNode resumed, LabelNode save, List<TryCatchBlockNode> jumps) {
        InsnList code = new InsnList();
        List<SavedValue> under = point.stack();
        if (!under.isEmpty()) {
            int awaited = scratch + under(point).size();
            code.add(new VarInsnNode(Opcodes.ASTORE, awaited));
            for (int i = under.size() - 1; i >= 0; i--) {
                SavedValue value = under.get(i);
                code.add(new VarInsnNode(storeOpcode(value.verifierType()), scratch + value.index()));
            }
            for (SavedValue value : under) {
                code.add(new VarInsnNode(loadOpcode(value.verifierType()), scratch + value.index()));
            }
            code.add(new VarInsnNode(Opcodes.ALOAD, awaited));
        }
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode proceed = new LabelNode();
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(start);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.SUSPENSION, Abi.AWAIT, Abi.SUSPENSION_AWAIT_DESC,
                false));
        code.add(end);
        code.add(new JumpInsnNode(Opcodes.GOTO, proceed));
        jumps.add(new TryCatchBlockNode(start, end, save, Abi.SUSPENSION));

        List<Object> locals = withFrame(frameForm(point.frame().locals()));
        List<Object> stack = new ArrayList<>(frameForm(under(point)));
        code.add(resumed);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray()));
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.RESUMED, Abi.RESUMED_DESC, false));
        stack.add("java/lang/Object");
        code.add(proceed);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray()));
        return code;
    }

    /** The verifier's types of the stack under the awaited value, by slot, bottom first. */
    private static List<Object> under(SuspensionPoint point) {
        List<Object> stack = point.frame().stack();
        return stack.subList(0, stack.size() - 1);
    }

    /**
     * The handler of one point's suspension: save the live locals, and the stack under the awaited
     * value from the scratch locals, record the point and return {@code SUSPENDED}.
     */
    private InsnList save(SuspensionPoint point, LabelNode save) {
        InsnList code = new InsnList();
        List<Object> slots = new ArrayList<>(withFrame(point.frame().locals()));
        while (slots.size() < scratch) {
            slots.add(Opcodes.TOP);
        }
        slots.addAll(under(point));
        code.add(handlerEntry(save, frameForm(slots), point.line()));
        for (SavedValue value : point.stack()) {
            if (value.field() != null) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new VarInsnNode(loadOpcode(value.verifierType()), scratch + value.index()));
                code.add(putField(value.field()));
            }
        }
        for (SavedValue local : point.locals()) {
            if (local.field() != null) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new VarInsnNode(loadOpcode(local.verifierType()), shifted(local.index())));
                code.add(putField(local.field()));
            }
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(pushInt(point.state()));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, shape.name(), FrameShape.STATE, "I"));
        code.add(suspendedMarker());
        code.add(new InsnNode(Opcodes.ARETURN));
        return code;
    }

    /** The start of a handler: its label, its frame (the throwable on the stack), its line, and the pop. */
    private static InsnList handlerEntry(LabelNode handler, List<Object> locals, int line) {
        InsnList code = new InsnList();
        code.add(handler);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {Abi.SUSPENSION}));
        if (line > 0) {
            code.add(new LineNumberNode(line, handler));
        }
        code.add(new InsnNode(Opcodes.POP));
        return code;
    }

    /**
     * One check of the dispatch, with the state on the stack: {@code Suspension.resumeAt(state, k)},
     * whose throw goes to {@code restore}.
     */
    private static InsnList resumeAt(SuspensionPoint point, LabelNode restore, List<TryCatchBlockNode> jumps) {
        InsnList code = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        code.add(new InsnNode(Opcodes.DUP));
        code.add(pushInt(point.state()));
        code.add(start);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.SUSPENSION, Abi.RESUME_AT, Abi.RESUME_AT_DESC, false));
        code.add(end);
        jumps.add(new TryCatchBlockNode(start, end, restore, Abi.SUSPENSION));
        return code;
    }

    /** The shortest instruction that pushes {@code value}, a state number. */
    private static AbstractInsnNode pushInt(int value) {
        if (value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        return value <= Short.MAX_VALUE ? new IntInsnNode(value <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH,
                value) : new LdcInsnNode(value);
    }

    /**
     * The handler of one point's resumption: reload locals and stack, clear the reference fields, go
     * back in at the await's {@code resumed}.
     */
    private InsnList restore(SuspensionPoint point, LabelNode restore, LabelNode resumed) {
        InsnList code = new InsnList();
        code.add(handlerEntry(restore, withFrame(shape.isStatic() ? List.of() : List.of(shape.owner())),
                point.line()));
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
     * The entry of a body with suspension points: the dispatch on the state, the arguments, then a
     * jump over the points' handlers to the method's own code.
     */
    private InsnList entry(InsnList dispatch, InsnList handlers) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, shape.name(), FrameShape.STATE, "I"));
        code.add(dispatch);
        code.add(new InsnNode(Opcodes.POP));
        code.add(loadArguments());
        LabelNode begin = new LabelNode();
        code.add(new JumpInsnNode(Opcodes.GOTO, begin));
        code.add(handlers);
        code.add(begin);
        List<Object> locals = argumentLocals();
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 0, new Object[0]));
        return code;
    }

    /**
     * The start of the method's own code: load the arguments from the frame into their slots and
     * clear the fields that held references.
     */
    private InsnList loadArguments() {
        InsnList code = new InsnList();
        int slot = shape.isStatic() ? 0 : 1;
        Type[] arguments = shape.arguments();
        for (int i = 0; i < arguments.length; i++) {
            String field = FrameShape.argumentField(i);
            String descriptor = arguments[i].getDescriptor();
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, shape.name(), field, descriptor));
            code.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ISTORE), shifted(slot)));
            if (arguments[i].getSort() == Type.OBJECT || arguments[i].getSort() == Type.ARRAY) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new InsnNode(Opcodes.ACONST_NULL));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, shape.name(), field, descriptor));
            }
            slot += arguments[i].getSize();
        }
        return code;
    }

    /** The locals, in frame form, once the arguments are loaded: the receiver, the frame, the arguments. */
    private List<Object> argumentLocals() {
        List<Object> locals = new ArrayList<>(withFrame(shape.isStatic() ? List.of() : List.of(shape.owner())));
        for (Type argument : shape.arguments()) {
            locals.add(verifierType(argument));
        }
        return locals;
    }

    private static Object verifierType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }

    private FieldInsnNode putField(SpillField field) {
        return new FieldInsnNode(Opcodes.PUTFIELD, shape.name(), field.name(), field.descriptor());
    }

    private static FieldInsnNode suspendedMarker() {
        return new FieldInsnNode(Opcodes.GETSTATIC, Abi.AWAIT_SUPPORT, Abi.SUSPENDED, Abi.SUSPENDED_DESC);
    }

    /** An original slot's place in the body, where the frame has taken one slot. */
    private int shifted(int slot) {
        return slot >= frameSlot ? slot + 1 : slot;
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
        return type == Opcodes.NULL ? Opcodes.ALOAD : Type.getType(MethodAnalyzer.descriptor(type)).getOpcode(Opcodes.ILOAD);
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
