package org.jasyncio.compiler;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.Coroutine;
import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.DirectCalls;
import org.jasyncio.internal.Trampoline;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each name and descriptor in {@link Abi} resolves against the runtime, with the access generated code needs. */
class AbiTest {

    @Test
    void annotations_resolve() throws ClassNotFoundException {
        assertEquals(Abi.ASYNC_ANNOTATION, descriptorOf("org.jasyncio.annotation.Async"));
        assertEquals(Abi.INSTRUMENTED_ANNOTATION, descriptorOf("org.jasyncio.internal.Instrumented"));
        assertEquals(Abi.GENERATED_ANNOTATION, descriptorOf("org.jasyncio.internal.Generated"));
        assertEquals(Abi.COROUTINE_DESC, Type.getDescriptor(Coroutine.class));
        assertEquals(Abi.AWAITABLE_DESC, Type.getDescriptor(Awaitable.class));
    }

    @Test
    void asyncioCalls_resolve() throws NoSuchMethodException {
        assertEquals(Abi.ASYNCIO, Type.getInternalName(Asyncio.class));
        assertTrue(Arrays.stream(Asyncio.class.getMethods()).anyMatch(m -> m.getName().equals(Abi.AWAIT)
                && Type.getMethodDescriptor(m).equals(Abi.AWAIT_AWAITABLE_DESC) && Modifier.isStatic(m.getModifiers())));
        assertEquals(Abi.COMPLETED_VALUE_DESC,
                Type.getMethodDescriptor(Asyncio.class.getMethod(Abi.COMPLETED, Object.class)));
        assertEquals(Abi.COMPLETED_VOID_DESC, Type.getMethodDescriptor(Asyncio.class.getMethod(Abi.COMPLETED)));
    }

    @Test
    void frameBase_resolves_withProtectedConstructorAndResume() throws NoSuchMethodException {
        assertEquals(Abi.ASYNC_FRAME, Type.getInternalName(AsyncFrame.class));
        Constructor<?> constructor = AsyncFrame.class.getDeclaredConstructor();
        assertTrue(Modifier.isProtected(constructor.getModifiers()));
        Method resume = AsyncFrame.class.getDeclaredMethod(Abi.RESUME);
        assertEquals(Abi.RESUME_DESC, Type.getMethodDescriptor(resume));
        assertTrue(Modifier.isProtected(resume.getModifiers()) && Modifier.isAbstract(resume.getModifiers()));
        Method suspendedAt = AsyncFrame.class.getDeclaredMethod(Abi.SUSPENDED_AT);
        assertEquals(Abi.SUSPENDED_AT_DESC, Type.getMethodDescriptor(suspendedAt));
        assertTrue(Modifier.isProtected(suspendedAt.getModifiers()) && !Modifier.isFinal(suspendedAt.getModifiers()));
        Method elementAt = AsyncFrame.class.getDeclaredMethod(Abi.ELEMENT_AT, String.class, String.class,
                String.class, String.class, int.class);
        assertEquals(Abi.ELEMENT_AT_DESC, Type.getMethodDescriptor(elementAt));
        assertTrue(Modifier.isProtected(elementAt.getModifiers()) && Modifier.isStatic(elementAt.getModifiers()));
    }

    @Test
    void awaitSupport_resolves_asPublicStatics() throws NoSuchMethodException, NoSuchFieldException {
        assertEquals(Abi.AWAIT_SUPPORT, Type.getInternalName(Await.class));
        assertEquals(Abi.TRAMPOLINE, Type.getInternalName(Trampoline.class));
        Field suspended = Await.class.getField(Abi.SUSPENDED);
        assertEquals(Abi.SUSPENDED_DESC, Type.getDescriptor(suspended.getType()));
        assertTrue(Modifier.isFinal(suspended.getModifiers()));
        assertPublicStatic(Await.class.getMethod(Abi.AWAIT, Object.class, Trampoline.class), Abi.AWAIT_SUPPORT_AWAIT_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.RESUMED, Trampoline.class), Abi.RESUMED_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.LINK_SUSPENDED, Trampoline.class, AsyncFrame.class),
                Abi.LINK_SUSPENDED_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.DEPTH, Trampoline.class), Abi.DEPTH_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.TOO_DEEP, int.class), Abi.TOO_DEEP_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.SET_DEPTH, Trampoline.class, int.class), Abi.SET_DEPTH_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.INHERITS, Class.class, Class.class, String.class, String.class),
                Abi.INHERITS_DESC);
        assertPublicStatic(Await.class.getMethod(Abi.BOUNCE, Trampoline.class, AsyncFrame.class), Abi.BOUNCE_DESC);
    }

    @Test
    void directCalls_resolve() throws NoSuchMethodException {
        assertEquals(Abi.DIRECT_CALLS, Type.getInternalName(DirectCalls.class));
        assertPublicStatic(DirectCalls.class.getMethod(Abi.BOOTSTRAP, MethodHandles.Lookup.class, String.class,
                MethodType.class, MethodHandle.class), Abi.BOOTSTRAP_DESC);
        assertEquals(Abi.DIRECT_SUFFIX, DirectCalls.ENTRY_SUFFIX);
        Method driver = AsyncFrame.class.getDeclaredMethod(Abi.DRIVER);
        assertEquals(Abi.DRIVER_DESC, Type.getMethodDescriptor(driver));
        assertTrue(Modifier.isProtected(driver.getModifiers()));
    }

    private static void assertPublicStatic(Method method, String descriptor) {
        assertEquals(descriptor, Type.getMethodDescriptor(method));
        assertTrue(Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers()), method::toString);
    }

    private static String descriptorOf(String className) throws ClassNotFoundException {
        return Type.getDescriptor(Class.forName(className));
    }
}
