package org.jasyncio.compiler.check;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.testing.ClassFiles;
import org.jasyncio.junit.AsyncTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rejected construct: the class is rejected whole, and each problem is reported with the
 * source file and line, the method, and what to do. Lines are found by the marker comments below; a
 * problem with a whole method is reported at its first line of code, as class files know no other.
 */
class ChecksTest {

    static final class AwaitInSynchronizedBlock {
        private final Object lock = new Object();

        @Async
        Coroutine<Void> run() {
            synchronized (lock) {
                await(sleep(1)); // marker: sync-block
            }
            await(sleep(1));
            return completed();
        }
    }

    static final class AwaitInSynchronizedMethod {
        @Async
        synchronized Coroutine<Void> run() {
            await(sleep(1)); // marker: sync-method
            return completed();
        }
    }

    static final class AwaitInLambda {
        @Async
        static Coroutine<String> run() {
            Supplier<String> later = () -> await(completed("x")); // marker: lambda
            return completed(later.get());
        }
    }

    static final class AwaitInSynchronizedInAsyncLambda {
        private final Object lock = new Object();

        Supplier<Coroutine<String>> make() {
            return () -> {
                synchronized (lock) {
                    return completed(await(completed("x"))); // marker: async-lambda-sync
                }
            };
        }
    }

    static final class AwaitInPlainMethod {
        static String run() {
            return await(completed("x")); // marker: plain
        }
    }

    static final class WrongReturnType {
        @Async
        static String name() {
            return "x"; // marker: returns-string
        }
    }

    abstract static class AbstractAndNative {
        @Async
        abstract Coroutine<String> fetch();

        @Async
        native Coroutine<String> nativeFetch();
    }

    static final class SeveralProblems {
        @Async
        static int first() {
            return 1; // marker: several-1
        }

        static void second() {
            await(sleep(1)); // marker: several-2
        }
    }

    static final class AsyncTestMisuse {
        @AsyncTest
        void returnsVoid() {
            System.out.println("x"); // marker: test-void
        }

        @AsyncTest
        static Coroutine<Void> isStatic() {
            return completed(); // marker: test-static
        }
    }

    @Test
    void asyncTestMethodsThatJUnitCouldNotRun_areRejected_withTheFix() throws IOException {
        List<Diagnostic> problems = rejected(AsyncTestMisuse.class);
        assertEquals(2, problems.size(), problems.toString());
        assertAt(problems.get(0), "test-void", "returnsVoid()");
        assertTrue(problems.get(0).message().contains("must return org.jasyncio.Coroutine<?>, but this one returns void"),
                problems.get(0).message());
        assertAt(problems.get(1), "test-static", "isStatic()");
        assertTrue(problems.get(1).message().contains("must not be static"), problems.get(1).message());
    }

    @Test
    void awaitInSynchronizedBlock_isRejected() throws IOException {
        Diagnostic problem = single(AwaitInSynchronizedBlock.class);
        assertAt(problem, "sync-block", "run()");
        assertTrue(problem.message().contains("synchronized block"), problem.message());
    }

    @Test
    void awaitInSynchronizedMethod_isRejected() throws IOException {
        Diagnostic problem = single(AwaitInSynchronizedMethod.class);
        assertAt(problem, "sync-method", "run()");
        assertTrue(problem.message().contains("synchronized method"), problem.message());
    }

    @Test
    void awaitInLambdaBody_isRejected_namingTheEnclosingMethod() throws IOException {
        Diagnostic problem = single(AwaitInLambda.class);
        assertAt(problem, "lambda", "lambda in run()");
        assertTrue(problem.message().contains("lambda"), problem.message());
    }

    @Test
    void awaitInSynchronizedBlockOfAnAsyncLambda_isRejected() throws IOException {
        Diagnostic problem = single(AwaitInSynchronizedInAsyncLambda.class);
        assertAt(problem, "async-lambda-sync", "lambda in make()");
        assertTrue(problem.message().contains("synchronized block"), problem.message());
    }

    @Test
    void awaitInMethodThatIsNotAsync_isRejected() throws IOException {
        Diagnostic problem = single(AwaitInPlainMethod.class);
        assertAt(problem, "plain", "run()");
        assertTrue(problem.message().contains("not @Async"), problem.message());
    }

    @Test
    void asyncMethodReturningString_isRejected_withTheFix() throws IOException {
        Diagnostic problem = single(WrongReturnType.class);
        assertAt(problem, "returns-string", "name()");
        assertTrue(problem.message().contains("Coroutine<String>"), problem.message());
    }

    @Test
    void asyncAbstractAndNativeMethods_areRejected_withoutALine() {
        List<Diagnostic> problems = rejected(AbstractAndNative.class);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("fetch()", problems.get(0).method());
        assertTrue(problems.get(0).message().contains("abstract"));
        assertEquals("nativeFetch()", problems.get(1).method());
        assertTrue(problems.get(1).message().contains("native"));
        assertEquals(-1, problems.get(0).line());
        assertTrue(problems.get(0).toString().startsWith(
                "org/jasyncio/compiler/check/ChecksTest.java: org.jasyncio.compiler.check.ChecksTest$AbstractAndNative.fetch()"),
                problems.get(0).toString());
    }

    @Test
    void everyProblemInAClass_isReported() throws IOException {
        List<Diagnostic> problems = rejected(SeveralProblems.class);
        assertEquals(2, problems.size(), problems.toString());
        assertAt(problems.get(0), "several-1", "first()");
        assertAt(problems.get(1), "several-2", "second()");
    }

    private static Diagnostic single(Class<?> sample) {
        List<Diagnostic> problems = rejected(sample);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static List<Diagnostic> rejected(Class<?> sample) {
        CompileResult result = new AsyncCompiler().compile(ClassFiles.of(sample));
        assertEquals(CompileResult.Status.REJECTED, result.status());
        assertTrue(result.classes().isEmpty());
        return result.diagnostics();
    }

    private static void assertAt(Diagnostic problem, String marker, String method) throws IOException {
        String where = "org/jasyncio/compiler/check/ChecksTest.java:" + lineOf(marker);
        assertTrue(problem.toString().startsWith(where + ": "), problem + " should start with " + where);
        assertEquals(method, problem.method());
    }

    private static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/org/jasyncio/compiler/check/ChecksTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// marker: " + marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker);
    }
}
