package org.jasyncio.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.jasyncio.Coroutine;
import org.jasyncio.compiler.Abi;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names the compiler uses for {@code @AsyncTest}, which it knows by descriptor only, resolve here. */
class CompilerAbiTest {

    @Test
    void theAnnotation_isAsyncTest() {
        assertEquals(Abi.ASYNC_TEST_ANNOTATION, Type.getDescriptor(AsyncTest.class));
    }

    @Test
    void theRunner_isAPublicStaticVoidMethodTakingTheCoroutine() throws NoSuchMethodException {
        assertEquals(Abi.ASYNC_TEST_RUNNER, Type.getInternalName(AsyncTestRunner.class));
        Method run = AsyncTestRunner.class.getMethod(Abi.ASYNC_TEST_RUN, Coroutine.class);
        assertEquals(Abi.ASYNC_TEST_RUN_DESC, Type.getMethodDescriptor(run));
        assertTrue(Modifier.isStatic(run.getModifiers()));
    }
}
