package org.jasyncio.compiler;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.ClassFiles;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's contract: what it touches, what it leaves alone, and that a second run changes nothing. */
class AsyncCompilerTest {

    static final class Plain {
        static int twice(int x) {
            return 2 * x;
        }
    }

    static final class WithAsync {
        @Async
        static Coroutine<Integer> one() {
            return completed(await(completed(1)));
        }

        @Async
        static Coroutine<Integer> one(int overload) {
            return completed(overload);
        }
    }

    private final AsyncCompiler compiler = new AsyncCompiler();

    @Test
    void classWithoutAsyncOrAwait_isUntouched() {
        CompileResult result = compiler.compile(ClassFiles.of(Plain.class));
        assertEquals(CompileResult.Status.UNTOUCHED, result.status());
        assertTrue(result.classes().isEmpty());
    }

    @Test
    void asyncClass_isRewritten_withAFrameClassPerMethod() {
        CompileResult result = compiler.compile(ClassFiles.of(WithAsync.class));
        assertEquals(CompileResult.Status.INSTRUMENTED, result.status());
        String owner = WithAsync.class.getName().replace('.', '/');
        assertEquals(java.util.Set.of(owner, owner + "$Async$one", owner + "$Async$one$2"), result.classes().keySet());
    }

    @Test
    void instrumentedClass_isRecognised_andLeftAlone() {
        Map<String, byte[]> first = compiler.compile(ClassFiles.of(WithAsync.class)).classes();
        byte[] rewritten = first.get(WithAsync.class.getName().replace('.', '/'));
        CompileResult second = compiler.compile(rewritten);
        assertEquals(CompileResult.Status.ALREADY_INSTRUMENTED, second.status());
        assertTrue(second.classes().isEmpty());
    }

    @Test
    void compiling_isDeterministic() {
        byte[] original = ClassFiles.of(WithAsync.class);
        Map<String, byte[]> first = compiler.compile(original).classes();
        Map<String, byte[]> second = compiler.compile(original).classes();
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
    }
}
