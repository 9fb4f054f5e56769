package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the direct entry of an {@code @Async} method {@code m}: a synthetic method
 * {@code m$direct} with {@code m}'s parameters and the task last, which the sites
 * {@code await(m(args))} call (through {@code DirectCalls}) instead of making a coroutine object.
 * It runs the body at once, with no frame, so that a coroutine that completes without suspending
 * costs a call and nothing on the heap; the body makes its frame if it suspends. It runs the body one
 * level deeper ({@code Await.depth}, {@code setDepth}); when calls are nested too deep
 * ({@code Await.tooDeep}) it makes the coroutine and bounces it to the task's loop instead, so that
 * unbounded async recursion cannot overflow the Java stack. The test and the two stores have the
 * shape the JIT folds away once the body is inlined.
 *
 * <p>An overridable method's entry first checks that the receiver's class is the method's own, or
 * one that inherits it ({@code Await.inherits}, cached per class): a subclass may override
 * {@code m} with a method that is not {@code @Async}, and would inherit this entry. Any other
 * receiver takes the way the site meant, {@code Await.await(this.m(args), task)}.
 */
public final class DirectEntryWriter {

    private DirectEntryWriter() {
    }

    /**
     * Whether {@code method} (the coroutine-returning declaration) of a class with these access
     * flags gets a direct entry: not an async lambda's (called only through its interface), not an
     * interface's instance method (a default method is always overridable, and an implementing
     * class's receiver is never the interface itself).
     */
    public static boolean wanted(MethodNode method, FrameShape shape) {
        return (method.access & Opcodes.ACC_SYNTHETIC) == 0 && (shape.isStatic() || !shape.ownerIsInterface());
    }

    /**
     * The entry of {@code coroutine} (the method that returns the coroutine: the stub, or an
     * {@code @AsyncTest}'s renamed one), whose body is {@code body}, in a class with access
     * {@code ownerAccess}.
     */
    public static MethodNode entryFor(MethodNode coroutine, MethodNode body, FrameShape shape, int ownerAccess) {
        int access = (coroutine.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE
                | Opcodes.ACC_STATIC)) | Opcodes.ACC_SYNTHETIC;
        MethodNode entry = new MethodNode(Opcodes.ASM9, access, coroutine.name + Abi.DIRECT_SUFFIX,
                shape.directDescriptor(), null, null);
        int taskSlot = shape.argumentSlots();
        int depthSlot = taskSlot + 1;
        List<Object> locals = new ArrayList<>(shape.argumentLocals());
        locals.add(Abi.TRAMPOLINE);
        InsnList code = entry.instructions;
        boolean overridable = !shape.isStatic() && (coroutine.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) == 0
                && (ownerAccess & Opcodes.ACC_FINAL) == 0;
        if (overridable) {
            LabelNode own = new LabelNode();
            LabelNode inherited = new LabelNode();
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;",
                    false));
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(Type.getObjectType(shape.owner())));
            code.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, own));
            code.add(new LdcInsnNode(Type.getObjectType(shape.owner())));
            code.add(new LdcInsnNode(coroutine.name));
            code.add(new LdcInsnNode(coroutine.desc));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.INHERITS, Abi.INHERITS_DESC, false));
            code.add(new JumpInsnNode(Opcodes.IFNE, inherited));
            loadReceiverAndArguments(code, shape);
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, shape.owner(), coroutine.name, coroutine.desc, false));
            code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.AWAIT,
                    Abi.AWAIT_SUPPORT_AWAIT_DESC, false));
            code.add(new InsnNode(Opcodes.ARETURN));
            code.add(own);
            code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {"java/lang/Class"}));
            code.add(new InsnNode(Opcodes.POP));
            code.add(inherited);
            code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 0, new Object[0]));
        }
        LabelNode run = new LabelNode();
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.DEPTH, Abi.DEPTH_DESC, false));
        code.add(new VarInsnNode(Opcodes.ISTORE, depthSlot));
        code.add(new VarInsnNode(Opcodes.ILOAD, depthSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.TOO_DEEP, Abi.TOO_DEEP_DESC, false));
        code.add(new JumpInsnNode(Opcodes.IFEQ, run));
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new TypeInsnNode(Opcodes.NEW, shape.name()));
        code.add(new InsnNode(Opcodes.DUP));
        loadReceiverAndArguments(code, shape);
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, shape.name(), "<init>", shape.constructorDescriptor(), false));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.BOUNCE, Abi.BOUNCE_DESC, false));
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(run);
        List<Object> withDepth = new ArrayList<>(locals);
        withDepth.add(Opcodes.INTEGER);
        code.add(new FrameNode(Opcodes.F_NEW, withDepth.size(), withDepth.toArray(), 0, new Object[0]));
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new VarInsnNode(Opcodes.ILOAD, depthSlot));
        code.add(new InsnNode(Opcodes.ICONST_1));
        code.add(new InsnNode(Opcodes.IADD));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.SET_DEPTH, Abi.SET_DEPTH_DESC, false));
        if (!shape.isStatic()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new InsnNode(Opcodes.ICONST_0));
        loadArguments(code, shape);
        code.add(bodyCall(body, shape));
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new VarInsnNode(Opcodes.ILOAD, depthSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.SET_DEPTH, Abi.SET_DEPTH_DESC, false));
        code.add(new InsnNode(Opcodes.ARETURN));
        entry.maxLocals = depthSlot + 1;
        return entry;
    }

    /** The call of the body from its own class: {@code invokespecial} for a private one, which any class version allows. */
    private static MethodInsnNode bodyCall(MethodNode body, FrameShape shape) {
        int opcode;
        if (shape.isStatic()) {
            opcode = Opcodes.INVOKESTATIC;
        } else if ((body.access & Opcodes.ACC_PRIVATE) != 0) {
            opcode = Opcodes.INVOKESPECIAL;
        } else {
            opcode = Opcodes.INVOKEVIRTUAL;
        }
        return new MethodInsnNode(opcode, shape.owner(), body.name, body.desc, shape.ownerIsInterface());
    }

    private static void loadReceiverAndArguments(InsnList code, FrameShape shape) {
        if (!shape.isStatic()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
        loadArguments(code, shape);
    }

    private static void loadArguments(InsnList code, FrameShape shape) {
        int slot = shape.isStatic() ? 0 : 1;
        for (Type argument : shape.arguments()) {
            code.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
            slot += argument.getSize();
        }
    }
}
