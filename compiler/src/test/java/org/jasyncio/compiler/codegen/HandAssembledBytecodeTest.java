package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.testing.InstrumentingLoader;
import org.jasyncio.compiler.testing.Pace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytecode javac never emits but other compilers and tools do, assembled with ASM: each shape is
 * either run correctly or rejected at build time with a message, never a {@code VerifyError}.
 */
class HandAssembledBytecodeTest {

    private static final String OWNER = "hand/Assembled";
    private static final String PACE = "org/jasyncio/compiler/testing/Pace";
    private static final String AWAITABLE = "(Ljava/lang/Object;)Lorg/jasyncio/Awaitable;";

    @ParameterizedTest
    @EnumSource(Pace.class)
    void swapAndDupX2AroundTheAwaitedValue_run(Pace pace) throws Exception {
        Pace.set(pace);
        assertEquals("v|x", run("swapAfter", code -> {
            code.visitLdcInsn("x");
            awaitValue(code, "v");
            code.visitInsn(Opcodes.SWAP);
            join(code);
        }));
        assertEquals("x|v", run("swapBefore", code -> {
            code.visitLdcInsn("v");
            code.visitMethodInsn(Opcodes.INVOKESTATIC, PACE, "value", AWAITABLE, false);
            code.visitLdcInsn("x");
            code.visitInsn(Opcodes.SWAP);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jasyncio/Asyncio", "await",
                    "(Lorg/jasyncio/Awaitable;)Ljava/lang/Object;", false);
            join(code);
        }));
        assertEquals("v|5", run("dupX2OverALong", code -> {
            code.visitLdcInsn(5L);
            awaitValue(code, "v");
            code.visitInsn(Opcodes.DUP_X2);
            code.visitInsn(Opcodes.POP);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            join(code);
        }));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void valueWhoseTypeIsTheCommonSuperclassOfTwoBranches_isSaved(Pace pace) throws Exception {
        Pace.set(pace);
        assertEquals("[v]", run("mergedList", code -> {
            Label other = new Label();
            Label joined = new Label();
            code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
            code.visitInsn(Opcodes.LCONST_0);
            code.visitInsn(Opcodes.LCMP);
            code.visitJumpInsn(Opcodes.IFLT, other);
            newList(code, "java/util/ArrayList");
            code.visitJumpInsn(Opcodes.GOTO, joined);
            code.visitLabel(other);
            newList(code, "java/util/LinkedList");
            code.visitLabel(joined);
            code.visitInsn(Opcodes.DUP);
            awaitValue(code, "v");
            code.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "add", "(Ljava/lang/Object;)Z", true);
            code.visitInsn(Opcodes.POP);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
        }));
    }

    @Test
    void objectUnderConstructionStoredInALocal_isRejected_withAMessage() {
        byte[] bytes = assemble("uninitialisedLocal", code -> {
            code.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
            code.visitVarInsn(Opcodes.ASTORE, 0);
            awaitValue(code, "v");
            code.visitInsn(Opcodes.POP);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
        });
        CompileResult result = new AsyncCompiler().compile(bytes);
        assertEquals(CompileResult.Status.REJECTED, result.status());
        List<Diagnostic> problems = result.diagnostics();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("under construction"), problems.get(0).message());
        assertEquals("uninitialisedLocal()", problems.get(0).method());
    }

    /** Runs a static {@code @Async} method whose body {@code code} leaves the result on the stack. */
    private static Object run(String name, Consumer<MethodVisitor> code) throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader("hand.", Map.of("hand.Assembled", assemble(name, code)));
        Coroutine<?> coroutine = (Coroutine<?>) loader.loadClass("hand.Assembled").getMethod(name).invoke(null);
        return Asyncio.run(coroutine);
    }

    private static byte[] assemble(String name, Consumer<MethodVisitor> body) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, OWNER, null, "java/lang/Object", null);
        writer.visitSource("Assembled.java", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name,
                "()Lorg/jasyncio/Coroutine;", null, null);
        code.visitAnnotation("Lorg/jasyncio/annotation/Async;", false).visitEnd();
        code.visitCode();
        body.accept(code);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jasyncio/Asyncio", "completed",
                "(Ljava/lang/Object;)Lorg/jasyncio/Coroutine;", false);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void awaitValue(MethodVisitor code, String value) {
        code.visitLdcInsn(value);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, PACE, "value", AWAITABLE, false);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jasyncio/Asyncio", "await",
                "(Lorg/jasyncio/Awaitable;)Ljava/lang/Object;", false);
    }

    /** {@code [a, b] -> [a + "|" + b]}. */
    private static void join(MethodVisitor code) {
        toText(code);
        code.visitInsn(Opcodes.SWAP);
        toText(code);
        code.visitInsn(Opcodes.SWAP);
        code.visitLdcInsn("|");
        code.visitInsn(Opcodes.SWAP);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
                "(Ljava/lang/String;)Ljava/lang/String;", false);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
                "(Ljava/lang/String;)Ljava/lang/String;", false);
    }

    private static void toText(MethodVisitor code) {
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf",
                "(Ljava/lang/Object;)Ljava/lang/String;", false);
    }

    private static void newList(MethodVisitor code, String type) {
        code.visitTypeInsn(Opcodes.NEW, type);
        code.visitInsn(Opcodes.DUP);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, type, "<init>", "()V", false);
    }
}
