package org.jasyncio.compiler.scan;

import org.jasyncio.compiler.Abi;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a cheap pass over a class file found: whether the class needs the compiler at all.
 *
 * @param instrumented   the class carries the compiler's marker: an earlier run rewrote it
 * @param hasAsync       some method is annotated {@code @Async} (or {@code @AsyncTest})
 * @param hasAwait       some method calls {@code Asyncio.await}
 */
public record ClassScan(boolean instrumented, boolean hasAsync, boolean hasAwait) {

    /** Whether the class has anything for the compiler to rewrite or reject. */
    public boolean needsWork() {
        return !instrumented && (hasAsync || hasAwait);
    }

    /** Reads only the annotations and call instructions of {@code classFile}; skips debug info and frames. */
    public static ClassScan of(byte[] classFile) {
        Finder finder = new Finder();
        new ClassReader(classFile).accept(finder, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassScan(finder.instrumented, finder.hasAsync, finder.hasAwait);
    }

    private static final class Finder extends ClassVisitor {
        boolean instrumented;
        boolean hasAsync;
        boolean hasAwait;

        Finder() {
            super(Opcodes.ASM9);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (Abi.INSTRUMENTED_ANNOTATION.equals(descriptor)) {
                instrumented = true;
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (instrumented) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (Abi.ASYNC_ANNOTATION.equals(annotation) || Abi.ASYNC_TEST_ANNOTATION.equals(annotation)) {
                        hasAsync = true;
                    }
                    return null;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor,
                                            boolean isInterface) {
                    if (Abi.isAwait(owner, callee)) {
                        hasAwait = true;
                    }
                }
            };
        }
    }
}
