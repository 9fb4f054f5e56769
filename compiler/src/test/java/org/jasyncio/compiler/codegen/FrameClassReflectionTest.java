package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A frame class is a static member of its method's class, in both classes' {@code InnerClasses} entries. */
class FrameClassReflectionTest {

    static final class Sample {
        @Async
        static Coroutine<Integer> answer() {
            return completed(await(value(42)));
        }

        @Async
        static Coroutine<Coroutine<Integer>> lambda() {
            Supplier<Coroutine<Integer>> later = () -> completed(await(value(1)));
            return completed(later.get());
        }
    }

    @Test
    void aFrameClass_hasASimpleNameAndItsOwnerAsDeclaringClass() {
        Class<?> sample = Samples.instrumented(Sample.class);
        Pace.set(Pace.NOW);
        Class<?> frame = Samples.coroutine(Sample.class, "answer").getClass();
        assertEquals("Async$answer", frame.getSimpleName());
        assertEquals(sample, frame.getDeclaringClass());
        assertTrue(frame.isMemberClass() && frame.isSynthetic() && Modifier.isStatic(frame.getModifiers()));
        assertTrue(List.of(sample.getDeclaredClasses()).contains(frame));
        assertEquals(sample.getSimpleName() + ".Async$answer", frame.getCanonicalName().substring(
                frame.getCanonicalName().lastIndexOf(sample.getSimpleName())));
    }

    @Test
    void anAsyncLambdasFrameClass_too() throws Throwable {
        Class<?> sample = Samples.instrumented(Sample.class);
        Pace.set(Pace.NOW);
        Object frame = Samples.run(Sample.class, "lambda");
        assertTrue(frame.getClass().getSimpleName().startsWith("Async$lambda$lambda$"), frame.getClass().getSimpleName());
        assertEquals(sample, frame.getClass().getDeclaringClass());
    }
}
