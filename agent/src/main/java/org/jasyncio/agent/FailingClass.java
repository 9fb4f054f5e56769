package org.jasyncio.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class the agent loads in place of one it could not instrument: the same class, except that its
 * static initialiser only throws an {@link Error} carrying the reason. A transformer cannot refuse a
 * class; this makes its first use (a call, a {@code new}, a static field) fail loudly with the
 * message, and each later use with the JVM's {@code NoClassDefFoundError}, rather than letting
 * {@code await} misbehave at run time.
 */
final class FailingClass {

    private static final String ERROR = "java/lang/Error";

    /** Room for the message in one constant pool entry (at most 65535 bytes of modified UTF-8). */
    private static final int MAX_MESSAGE_CHARS = 16_000;

    private FailingClass() {
    }

    /** {@code classFile} with its static initialiser replaced by {@code throw new Error(message)}. */
    static byte[] replacing(byte[] classFile, String message) {
        String carried = message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "... (the rest is on standard error)";
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return "<clinit>".equals(name) ? null : super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public void visitEnd() {
                MethodVisitor initialiser = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                initialiser.visitCode();
                initialiser.visitTypeInsn(Opcodes.NEW, ERROR);
                initialiser.visitInsn(Opcodes.DUP);
                initialiser.visitLdcInsn(carried);
                initialiser.visitMethodInsn(Opcodes.INVOKESPECIAL, ERROR, "<init>", "(Ljava/lang/String;)V", false);
                initialiser.visitInsn(Opcodes.ATHROW);
                initialiser.visitMaxs(3, 0);
                initialiser.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }
}
