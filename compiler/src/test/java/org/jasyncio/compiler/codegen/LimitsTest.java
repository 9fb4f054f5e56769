package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.testing.InMemoryJavac;
import org.jasyncio.compiler.testing.InstrumentingLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Methods near the JVM's limits: they work, or are rejected with a message when the state machine cannot fit. */
class LimitsTest {

    private static final String HEADER = """
            package limits;
            import org.jasyncio.Coroutine;
            import org.jasyncio.annotation.Async;
            import static org.jasyncio.Asyncio.*;
            public class Many {
                @Async
                static Coroutine<Integer> later(int value) {
                    await(sleep(0));
                    return completed(value);
                }
            """;

    @Test
    void methodWithAThousandAwaits_runs() throws Exception {
        StringBuilder body = new StringBuilder("@Async static Coroutine<Integer> many() {\nint total = 0;\n");
        for (int i = 0; i < 1_000; i++) {
            body.append("total += await(later(").append(i).append("));\n");
        }
        body.append("return completed(total);\n}\n}\n");
        assertEquals(999 * 1_000 / 2, run(HEADER + body, "many"));
    }

    @Test
    void moreThan255ValuesLiveAtOneAwait_survive() throws Exception {
        int count = 300;
        StringBuilder body = new StringBuilder("@Async static Coroutine<Integer> wide() {\n");
        StringBuilder sum = new StringBuilder("0");
        for (int i = 0; i < count; i++) {
            String type = i % 3 == 0 ? "long" : i % 3 == 1 ? "double" : "int";
            body.append(type).append(" v").append(i).append(" = ").append(i).append(";\n");
            sum.append(" + (int) v").append(i);
        }
        body.append("int resumed = await(later(1));\n");
        body.append("return completed(resumed + ").append(sum).append(");\n}\n}\n");
        assertEquals(1 + count * (count - 1) / 2, run(HEADER + body, "wide"));
    }

    private static Object run(String source, String method) throws Exception {
        Map<String, byte[]> classes = InMemoryJavac.compile("limits.Many", source);
        Class<?> many = new InstrumentingLoader("limits.", classes).loadClass("limits.Many");
        var coroutine = many.getDeclaredMethod(method);
        coroutine.setAccessible(true);
        return Asyncio.run((Coroutine<?>) coroutine.invoke(null));
    }

    @Test
    void stateMachineOverTheMethodSizeLimit_isRejected_namingTheMethodAndTheLimit() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        StringBuilder sum = new StringBuilder("0");
        for (int i = 0; i < 40; i++) {
            sum.append(" + v").append(i);
        }
        for (int i = 0; i < 300; i++) {
            body.append("v").append(i % 40).append(" += await(completedLater());\n");
        }
        String source = """
                package big;
                import org.jasyncio.Coroutine;
                import org.jasyncio.annotation.Async;
                import static org.jasyncio.Asyncio.*;
                public class Huge {
                    static Coroutine<Integer> completedLater() { return completed(1); }
                    @Async
                    static Coroutine<Integer> many() {
                %s
                        return completed(%s);
                    }
                }
                """.formatted(body, sum);
        byte[] huge = InMemoryJavac.compile("big.Huge", source).get("big.Huge");
        CompileResult result = new AsyncCompiler().compile(huge);
        assertEquals(CompileResult.Status.REJECTED, result.status());
        Diagnostic problem = result.diagnostics().get(0);
        assertEquals("many()", problem.method());
        assertTrue(problem.toString().startsWith("big/Huge.java:"), problem.toString());
        assertTrue(problem.message().contains("65535"), problem.message());
    }
}
