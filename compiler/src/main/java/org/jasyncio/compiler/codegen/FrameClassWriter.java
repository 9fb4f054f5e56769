package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.analysis.MethodPlan;
import org.jasyncio.compiler.analysis.SpillField;
import org.jasyncio.compiler.analysis.SuspensionPoint;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;

/**
 * Writes the frame class of one {@code @Async} method: a final subclass of {@code AsyncFrame} with
 * the state, the receiver, the arguments and the spill fields, whose {@code resume()} calls the body
 * and whose {@code suspendedAt()} tells where the method waits. It is a static member class of the
 * method's class in its {@code InnerClasses} entries (the owner lists it too), so reflection gives
 * it a simple name and a declaring class.
 */
public final class FrameClassWriter {

    private FrameClassWriter() {
    }

    /**
     * The class file of {@code shape}'s frame, a member of {@code owner} (whose version and source
     * file it takes); its method's code starts at {@code firstLine} (-1: unknown).
     */
    public static byte[] write(FrameShape shape, MethodPlan plan, String bodyName, ClassNode owner, int firstLine) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Math.max(owner.version, Opcodes.V1_8), FrameShape.ACCESS | Opcodes.ACC_SUPER,
                shape.name(), null, Abi.ASYNC_FRAME, null);
        if (owner.sourceFile != null) {
            writer.visitSource(owner.sourceFile, null);
        }
        if (shape.nestmate()) {
            writer.visitNestHost(owner.name);
        }
        for (InnerClassNode entry : owner.innerClasses) {
            if (entry.name.equals(owner.name)) {
                entry.accept(writer);
            }
        }
        shape.memberEntry().accept(writer);
        writer.visitField(0, FrameShape.STATE, "I", null, null).visitEnd();
        if (!shape.isStatic()) {
            writer.visitField(Opcodes.ACC_FINAL, FrameShape.SELF, "L" + shape.owner() + ";", null, null).visitEnd();
        }
        Type[] arguments = shape.arguments();
        for (int i = 0; i < arguments.length; i++) {
            writer.visitField(0, FrameShape.argumentField(i), arguments[i].getDescriptor(), null, null).visitEnd();
        }
        for (SpillField field : plan.fields()) {
            writer.visitField(0, field.name(), field.descriptor(), null, null).visitEnd();
        }
        writeConstructor(writer, shape, shape.constructorDescriptor(), arguments.length);
        if (arguments.length > 0) {
            writeConstructor(writer, shape, shape.receiverConstructorDescriptor(), 0);
        }
        writeSuspending(writer, shape);
        writeResume(writer, shape, plan.points().size(), bodyName);
        writeSuspendedAt(writer, shape, plan, bodyName, owner.sourceFile, firstLine);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A constructor that takes the receiver, if any, and the first {@code arguments} arguments. */
    private static void writeConstructor(ClassWriter writer, FrameShape shape, String descriptor, int arguments) {
        MethodVisitor code = writer.visitMethod(0, "<init>", descriptor, null, null);
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, Abi.ASYNC_FRAME, "<init>", "()V", false);
        int slot = 1;
        if (!shape.isStatic()) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, slot++);
            code.visitFieldInsn(Opcodes.PUTFIELD, shape.name(), FrameShape.SELF, "L" + shape.owner() + ";");
        }
        Type[] types = shape.arguments();
        for (int i = 0; i < arguments; i++) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(types[i].getOpcode(Opcodes.ILOAD), slot);
            code.visitFieldInsn(Opcodes.PUTFIELD, shape.name(), FrameShape.argumentField(i), types[i].getDescriptor());
            slot += types[i].getSize();
        }
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /**
     * {@code static F suspending(F frame[, Owner self], Trampoline task, int state)}, what a save block
     * calls first: takes {@code frame}, or, for a body called through its direct entry and suspending
     * for the first time, a new frame with the receiver (the body saves everything else it needs);
     * records {@code state} and links the frame into the task's chain. Here, so that the test adds
     * no branch to the body, and one call site per await keeps the body small.
     */
    private static void writeSuspending(ClassWriter writer, FrameShape shape) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_STATIC, FrameShape.SUSPENDING,
                shape.suspendingDescriptor(), null, null);
        code.visitCode();
        int taskSlot = shape.isStatic() ? 1 : 2;
        Label present = new Label();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitJumpInsn(Opcodes.IFNONNULL, present);
        code.visitTypeInsn(Opcodes.NEW, shape.name());
        code.visitInsn(Opcodes.DUP);
        if (!shape.isStatic()) {
            code.visitVarInsn(Opcodes.ALOAD, 1);
        }
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, shape.name(), "<init>", shape.receiverConstructorDescriptor(),
                false);
        code.visitVarInsn(Opcodes.ASTORE, 0);
        code.visitLabel(present);
        code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitVarInsn(Opcodes.ILOAD, taskSlot + 1);
        code.visitFieldInsn(Opcodes.PUTFIELD, shape.name(), FrameShape.STATE, "I");
        code.visitVarInsn(Opcodes.ALOAD, taskSlot);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, Abi.AWAIT_SUPPORT, Abi.LINK_SUSPENDED, Abi.LINK_SUSPENDED_DESC,
                false);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /**
     * {@code resume()}: checks that the state is one the body knows (0 to {@code points}), which the
     * body's dispatch does not (a state it has no check for starts the method over), then calls it
     * with this frame, its task, the state and the arguments, clearing the fields that held
     * references: past the start the body keeps what it needs in the spill fields.
     */
    private static void writeResume(ClassWriter writer, FrameShape shape, int points, String bodyName) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Abi.RESUME,
                Abi.RESUME_DESC, null, null);
        code.visitCode();
        Label known = new Label();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitFieldInsn(Opcodes.GETFIELD, shape.name(), FrameShape.STATE, "I");
        code.visitLdcInsn(points);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        code.visitJumpInsn(Opcodes.IFLE, known);
        code.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        code.visitInsn(Opcodes.DUP);
        code.visitLdcInsn("corrupt coroutine state in " + shape.name().replace('/', '.'));
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false);
        code.visitInsn(Opcodes.ATHROW);
        code.visitLabel(known);
        code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        if (!shape.isStatic()) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, shape.name(), FrameShape.SELF, "L" + shape.owner() + ";");
        }
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, shape.name(), Abi.DRIVER, Abi.DRIVER_DESC, false);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitFieldInsn(Opcodes.GETFIELD, shape.name(), FrameShape.STATE, "I");
        Type[] arguments = shape.arguments();
        for (int i = 0; i < arguments.length; i++) {
            String field = FrameShape.argumentField(i);
            String descriptor = arguments[i].getDescriptor();
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, shape.name(), field, descriptor);
            if (arguments[i].getSort() == Type.OBJECT || arguments[i].getSort() == Type.ARRAY) {
                code.visitVarInsn(Opcodes.ALOAD, 0);
                code.visitInsn(Opcodes.ACONST_NULL);
                code.visitFieldInsn(Opcodes.PUTFIELD, shape.name(), field, descriptor);
            }
        }
        if (shape.isStatic()) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, shape.owner(), bodyName, shape.bodyDescriptor(),
                    shape.ownerIsInterface());
        } else {
            code.visitMethodInsn(shape.ownerIsInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL,
                    shape.owner(), bodyName, shape.bodyDescriptor(), shape.ownerIsInterface());
        }
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /**
     * {@code suspendedAt()}: {@code elementAt(owner, method, file, lines, state)}, where {@code lines}
     * is a constant string whose char {@code k} is the line of state {@code k} (0: unknown), so the
     * table costs no static initialiser and nothing is allocated until it is called.
     */
    private static void writeSuspendedAt(ClassWriter writer, FrameShape shape, MethodPlan plan, String bodyName,
                                         String sourceFile, int firstLine) {
        StringBuilder lines = new StringBuilder().append(lineChar(firstLine));
        for (SuspensionPoint point : plan.points()) {
            lines.append(lineChar(point.line()));
        }
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Abi.SUSPENDED_AT,
                Abi.SUSPENDED_AT_DESC, null, null);
        code.visitCode();
        code.visitLdcInsn(shape.owner().replace('/', '.'));
        code.visitLdcInsn(bodyName);
        if (sourceFile == null) {
            code.visitInsn(Opcodes.ACONST_NULL);
        } else {
            code.visitLdcInsn(sourceFile);
        }
        code.visitLdcInsn(lines.toString());
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitFieldInsn(Opcodes.GETFIELD, shape.name(), FrameShape.STATE, "I");
        code.visitMethodInsn(Opcodes.INVOKESTATIC, Abi.ASYNC_FRAME, Abi.ELEMENT_AT, Abi.ELEMENT_AT_DESC, false);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** A line as one char of the table; 0 for an unknown line or one past what a char holds. */
    private static char lineChar(int line) {
        return line > 0 && line <= Character.MAX_VALUE ? (char) line : 0;
    }
}
