package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.junit.AsyncTest;
import org.jasyncio.junit.AsyncTestRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.compiler.testing.InstrumentingLoader.instrumented;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code @AsyncTest} method keeps its name on a {@code void} method JUnit can run, which hands the
 * renamed coroutine method's coroutine to the runner (a stand-in here, see {@link AsyncTestRunner}).
 */
class TestRunnerWriterTest {

    public static class Sample {
        public final List<String> events = new ArrayList<>();

        @AsyncTest
        @DisplayName("records the word")
        @Tag("fast")
        public Coroutine<Void> records(String word, long times) throws IOException {
            for (long i = 0; i < times; i++) {
                await(sleep(0));
                events.add(word + i);
            }
            return completed();
        }

        @AsyncTest
        public <T extends Comparable<T>> Coroutine<T> generic(List<T> items) {
            await(sleep(0));
            events.add("generic " + items);
            return completed(items.get(0));
        }

        @AsyncTest
        public Coroutine<Void> fails() throws IOException {
            await(sleep(0));
            throw new IOException("the test's own");
        }
    }

    public interface InInterface {
        @AsyncTest
        default Coroutine<Void> inInterface(List<String> events) {
            await(sleep(0));
            events.add("interface");
            return completed();
        }
    }

    public static class Implementing implements InInterface {
    }

    @Test
    void theVoidMethod_carriesTheName_annotations_parameters_andThrowsClause() throws Exception {
        Class<?> sample = instrumented(Sample.class);
        Method runner = sample.getDeclaredMethod("records", String.class, long.class);
        assertEquals(void.class, runner.getReturnType());
        assertTrue(Modifier.isPublic(runner.getModifiers()));
        assertNotNull(runner.getAnnotation(AsyncTest.class));
        assertEquals("records the word", runner.getAnnotation(DisplayName.class).value());
        assertEquals("fast", runner.getAnnotation(Tag.class).value());
        assertArrayEquals(new Class<?>[] {IOException.class}, runner.getExceptionTypes());

        Method coroutine = sample.getDeclaredMethod("records$async", String.class, long.class);
        assertEquals(Coroutine.class, coroutine.getReturnType());
        assertTrue(Modifier.isPrivate(coroutine.getModifiers()));
        assertEquals(0, coroutine.getAnnotations().length, Arrays.toString(coroutine.getAnnotations()));
    }

    @Test
    void callingTheVoidMethod_runsTheCoroutine_throughTheRunner() throws Exception {
        Class<?> sample = instrumented(Sample.class);
        Object instance = sample.getConstructor().newInstance();
        int before = AsyncTestRunner.RAN.size();
        sample.getDeclaredMethod("records", String.class, long.class).invoke(instance, "w", 2L);
        assertEquals(List.of("w0", "w1"), sample.getField("events").get(instance));
        assertEquals(before + 1, AsyncTestRunner.RAN.size());
    }

    @Test
    void aGenericMethod_keepsItsTypeParameters_andReturnsVoid() throws Exception {
        Class<?> sample = instrumented(Sample.class);
        Method runner = sample.getDeclaredMethod("generic", List.class);
        assertEquals(void.class, runner.getGenericReturnType());
        assertEquals(1, runner.getTypeParameters().length);
        ParameterizedType items = (ParameterizedType) runner.getGenericParameterTypes()[0];
        assertSame(runner.getTypeParameters()[0], items.getActualTypeArguments()[0]);
        Object instance = sample.getConstructor().newInstance();
        runner.invoke(instance, List.of(3, 1));
        assertEquals(List.of("generic [3, 1]"), sample.getField("events").get(instance));
    }

    @Test
    void theTestsOwnException_reachesTheCaller_unchanged() throws Exception {
        Class<?> sample = instrumented(Sample.class);
        Object instance = sample.getConstructor().newInstance();
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> sample.getDeclaredMethod("fails").invoke(instance));
        assertEquals(IOException.class, thrown.getCause().getClass());
        assertEquals("the test's own", thrown.getCause().getMessage());
    }

    @Test
    void aDefaultMethodOfAnInterface_getsAVoidDefaultMethod() throws Exception {
        Class<?> implementing = instrumented(Implementing.class);
        Class<?> inInterface = implementing.getInterfaces()[0];
        Method runner = inInterface.getDeclaredMethod("inInterface", List.class);
        assertTrue(runner.isDefault());
        assertEquals(void.class, runner.getReturnType());
        List<String> events = new ArrayList<>();
        runner.invoke(implementing.getConstructor().newInstance(), events);
        assertEquals(List.of("interface"), events);
    }
}
