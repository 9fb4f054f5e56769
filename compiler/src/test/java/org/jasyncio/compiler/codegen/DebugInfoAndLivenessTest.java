package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.testing.ClassFiles;
import org.jasyncio.compiler.testing.Marked;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What survives instrumentation besides behaviour (API rule 8: line numbers and local names), what
 * does not (values dead at a suspension), and how deep inline awaits may nest.
 */
class DebugInfoAndLivenessTest {

    static final class Sample {
        @Async
        @Marked("method")
        static <T extends CharSequence> Coroutine<List<T>> annotatedGeneric(@Marked("parameter") T item) {
            return completed(List.of(await(value(item))));
        }

        @Async
        static Coroutine<Integer> throwsAfterAwait(String first) {
            String second = await(value(first + "!"));
            int line = new Throwable().getStackTrace()[0].getLineNumber(); throw new IllegalStateException(line + second);
        }

        @Async
        static Coroutine<Boolean> deadLocalIsNotKept() {
            Object big = new byte[1 << 20];
            WeakReference<Object> probe = new WeakReference<>(big);
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Boolean> cleared = loop.createFuture();
            loop.callSoon(() -> cleared.setResult(collected(probe)));
            return completed(await(cleared));
        }

        @Async
        static Coroutine<Integer> depth(int n) {
            if (n == 0) {
                return completed(await(value(0)));
            }
            return completed(1 + await(depth(n - 1)));
        }
    }

    static boolean collected(WeakReference<?> probe) {
        for (int i = 0; i < 20 && probe.get() != null; i++) {
            System.gc();
        }
        return probe.get() == null;
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void stackTraces_name_theUsersMethodAndLine(Pace pace) {
        Pace.set(pace);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Samples.run(Sample.class, "throwsAfterAwait", "x"));
        StackTraceElement top = thrown.getStackTrace()[0];
        assertEquals("throwsAfterAwait", top.getMethodName());
        assertEquals("DebugInfoAndLivenessTest.java", top.getFileName());
        assertTrue(top.getLineNumber() > 0);
        assertEquals(top.getLineNumber() + "x!", thrown.getMessage());
    }

    @Test
    void annotationsAndGenericSignature_survive_onTheMethodUsersCall() throws Exception {
        Method method = Samples.instrumented(Sample.class).getDeclaredMethod("annotatedGeneric", CharSequence.class);
        assertEquals("method", method.getAnnotation(Marked.class).value());
        assertEquals("parameter", ((Marked) method.getParameterAnnotations()[0][0]).value());
        assertEquals("org.jasyncio.Coroutine<java.util.List<T>>", method.getGenericReturnType().getTypeName());
        assertEquals("T", method.getGenericParameterTypes()[0].getTypeName());
    }

    @Test
    void localVariableNames_survive_inTheBody() {
        ClassNode instrumented = instrumentedNode(Sample.class);
        MethodNode body = instrumented.methods.stream()
                .filter(m -> m.name.equals("throwsAfterAwait") && m.desc.contains(Abi.FRAME_CLASS_INFIX))
                .findFirst().orElseThrow();
        Set<String> names = body.localVariables.stream().map(v -> v.name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("first", "second", "line")), names.toString());
        LocalVariableNode first = body.localVariables.stream().filter(v -> v.name.equals("first")).findFirst()
                .orElseThrow();
        assertEquals("Ljava/lang/String;", first.desc);
    }

    @Test
    void valueDeadAtTheSuspension_isNotPinnedByTheSuspendedCoroutine() throws Throwable {
        assertEquals(true, Samples.run(Sample.class, "deadLocalIsNotKept"));
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void asyncRecursion_aMillionDeep_completes_withoutStackOverflow(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(1_000_000, Samples.run(Sample.class, "depth", 1_000_000));
    }

    static ClassNode instrumentedNode(Class<?> sample) {
        CompileResult result = new AsyncCompiler().compile(ClassFiles.of(sample));
        ClassNode node = new ClassNode();
        new ClassReader(result.classes().get(sample.getName().replace('.', '/'))).accept(node, 0);
        return node;
    }
}
