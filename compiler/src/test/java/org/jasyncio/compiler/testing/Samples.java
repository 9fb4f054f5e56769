package org.jasyncio.compiler.testing;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Runs the {@code @Async} methods of test samples, instrumented, on a fresh event loop. */
public final class Samples {

    private static final Map<Class<?>, Class<?>> LOADED = new HashMap<>();

    private Samples() {
    }

    /** The instrumented version of {@code sample}, loaded once per test run. */
    public static synchronized Class<?> instrumented(Class<?> sample) {
        return LOADED.computeIfAbsent(sample, InstrumentingLoader::instrumented);
    }

    /** Calls the static {@code @Async} method {@code name} of {@code sample} and runs its coroutine. */
    public static Object run(Class<?> sample, String name, Object... arguments) throws Throwable {
        return Asyncio.run(coroutine(sample, name, arguments));
    }

    /** Calls the static {@code @Async} method {@code name} of {@code sample}: its coroutine, not yet run. */
    public static Coroutine<?> coroutine(Class<?> sample, String name, Object... arguments) {
        return (Coroutine<?>) invoke(null, find(instrumented(sample), name, arguments.length), arguments);
    }

    /** Calls the instance method {@code name} of {@code receiver} (an instance of an instrumented class). */
    public static Object invoke(Object receiver, String name, Object... arguments) {
        return invoke(receiver, find(receiver.getClass(), name, arguments.length), arguments);
    }

    private static Object invoke(Object receiver, Method method, Object... arguments) {
        try {
            method.setAccessible(true);
            return method.invoke(receiver, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("calling an @Async method ran its body", e.getCause());
        }
    }

    private static Method find(Class<?> type, String name, int arity) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.getName().equals(name) && !method.isSynthetic() && !isBody(method)
                        && method.getParameterCount() == arity)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + name + "/" + arity + " in " + type));
    }

    /** Whether {@code method} is a state machine body: the one that takes its (synthetic) frame class first. */
    public static boolean isBody(Method method) {
        return method.getParameterCount() >= 3 && method.getParameterTypes()[0].isSynthetic();
    }
}
