package org.jasyncio.agent;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncTransformerTest {

    private static final String FIXTURES = "com.example.";
    private static final String MISUSE = "com/example/Misused.java:10:"
            + " com.example.Misused.notAsync(): ";

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream errors = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    @Test
    void asyncClass_isRewrittenAsItLoads_withItsFrameClassesDefinedFirst_andRuns() throws Exception {
        TransformingLoader loader = new TransformingLoader(errors);

        Object result = Asyncio.run((Coroutine<?>) call(loader, "Sleeper", "sequenceThenGather"));

        assertEquals("a[b, c]", result);
        assertEquals(List.of(FIXTURES + "Sleeper$Async$after", FIXTURES + "Sleeper$Async$sequenceThenGather"),
                loader.framesDefined.stream().sorted().toList());
        assertEquals("", stderr());
    }

    @Test
    void classWithoutAsync_isLeftAsItIs() {
        byte[] plain = TransformingLoader.originalBytes(FIXTURES + "Plain");

        assertNull(transformer().transform(getClass().getClassLoader(), "com/example/Plain", null, null,
                plain));
        assertEquals("", stderr());
    }

    @Test
    void classThePluginRewrote_isLeftAsItIs_andNoFrameIsDefinedAgain() {
        CompileResult byPlugin = new AsyncCompiler().compile(TransformingLoader.originalBytes(FIXTURES + "Sleeper"));
        byte[] rewritten = byPlugin.classes().get("com/example/Sleeper");
        AsyncTransformer transformer = new AsyncTransformer((loader, name, bytes, domain) -> {
            throw new AssertionError("defined " + name);
        }, errors);

        assertNull(transformer.transform(getClass().getClassLoader(), "com/example/Sleeper", null, null,
                rewritten));
        assertEquals("", stderr());
    }

    @Test
    void jdkAgentAndBootstrapClasses_areSkippedWithoutBeingRead() {
        byte[] notAClassFile = {0, 1, 2};
        ClassLoader application = getClass().getClassLoader();
        AsyncTransformer transformer = transformer();

        assertNull(transformer.transform(application, "java/lang/Thing", null, null, notAClassFile));
        assertNull(transformer.transform(application, "jdk/internal/Thing", null, null, notAClassFile));
        assertNull(transformer.transform(application, "sun/misc/Thing", null, null, notAClassFile));
        assertNull(transformer.transform(application, "org/jasyncio/agent/shaded/asm/ClassReader", null, null,
                notAClassFile));
        assertNull(transformer.transform(null, "com/example/Loaded/ByBootstrap", null, null, notAClassFile));
        assertNull(transformer.transform(ClassLoader.getPlatformClassLoader(), "com/example/Platform", null, null,
                notAClassFile));
        assertNull(transformer.transform(application, null, null, null, notAClassFile));
        assertEquals("", stderr());
    }

    @Test
    void redefinition_isLeftAlone() {
        byte[] sleeper = TransformingLoader.originalBytes(FIXTURES + "Sleeper");

        assertNull(transformer().transform(getClass().getClassLoader(), "com/example/Sleeper",
                Object.class, null, sleeper));
    }

    @Test
    void misuse_isPrintedWithFileAndLine_andUsingTheClassThrowsAnErrorCarryingIt() throws Exception {
        TransformingLoader loader = new TransformingLoader(errors);

        Class<?> misused = loader.loadClass(FIXTURES + "Misused");

        String printed = stderr();
        assertTrue(printed.startsWith("jasyncio: 1 problem(s) with @Async or await in " + FIXTURES
                + "Misused; the class cannot be used:" + System.lineSeparator() + MISUSE), printed);
        Throwable first = thrownByCalling(misused, "notAsync");
        assertSame(Error.class, first.getClass());
        assertEquals(printed.strip(), first.getMessage());
        assertInstanceOf(NoClassDefFoundError.class, thrownByCalling(misused, "notAsync"));
    }

    @Test
    void failureOfTheAgentItself_isPrinted_andUsingTheClassThrowsAnErrorNamingIt() throws Exception {
        TransformingLoader loader = new TransformingLoader((target, name, bytes, domain) -> {
            throw new LinkageError("duplicate class definition for " + name);
        }, errors);

        Class<?> sleeper = loader.loadClass(FIXTURES + "Sleeper");

        String printed = stderr();
        String message = "jasyncio: the agent could not instrument " + FIXTURES + "Sleeper (java.lang.LinkageError:"
                + " duplicate class definition for " + FIXTURES + "Sleeper$Async$";
        assertTrue(printed.startsWith(message), printed);
        assertTrue(printed.contains("\tat org.jasyncio.agent."), "the stack trace is printed too: " + printed);
        Throwable thrown = thrownByCalling(sleeper, "sequenceThenGather");
        assertSame(Error.class, thrown.getClass());
        assertTrue(thrown.getMessage().startsWith(message), thrown.getMessage());
    }

    @Test
    void aVeryLongMessage_isCutToFitTheConstantPool_andStillFails() throws Exception {
        byte[] failing = FailingClass.replacing(TransformingLoader.originalBytes(FIXTURES + "Plain"), "x".repeat(70_000));
        Class<?> plain = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(FIXTURES + "Plain", failing, 0, failing.length);
            }
        }.define();

        Throwable thrown = thrownByCalling(plain, "answer");
        assertSame(Error.class, thrown.getClass());
        assertTrue(thrown.getMessage().startsWith("xxx"));
        assertTrue(thrown.getMessage().endsWith("... (the rest is on standard error)"));
    }

    private AsyncTransformer transformer() {
        return new AsyncTransformer((loader, name, bytes, domain) -> {
            throw new AssertionError("defined " + name);
        }, errors);
    }

    private static Object call(ClassLoader loader, String fixture, String method) throws Exception {
        return loader.loadClass(FIXTURES + fixture).getMethod(method).invoke(null);
    }

    /** What calling the static method {@code name} of {@code type} throws: its initialisation's error, as the JVM reports it. */
    private static Throwable thrownByCalling(Class<?> type, String name) {
        Throwable thrown = assertThrows(Throwable.class, () -> type.getMethod(name).invoke(null));
        return thrown instanceof InvocationTargetException invocation ? invocation.getCause() : thrown;
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
