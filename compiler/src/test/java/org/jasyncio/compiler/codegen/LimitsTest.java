package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.testing.InMemoryJavac;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Methods near the JVM's limits: rejected with a message when the state machine cannot fit. */
class LimitsTest {

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
