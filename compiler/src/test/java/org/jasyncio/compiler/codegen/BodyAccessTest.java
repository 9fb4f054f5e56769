package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.testing.ClassFiles;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a state machine body can be seen from. It has the method's name (for coverage tools and
 * stack traces) and takes the frame, so code compiled against the instrumented class must not see
 * it beside the stub: {@code describe(null)} would resolve to it. In a top-level class the frame
 * joins the class's nest and the body is private; a nested class's nest host is another class file,
 * so there the body stays package-private, as before nests.
 */
class BodyAccessTest {

    static final class NestedSample {
        @org.jasyncio.annotation.Async
        static org.jasyncio.Coroutine<String> describe(Object value) {
            return org.jasyncio.Asyncio.completed(String.valueOf(value));
        }
    }

    private static final String OWNER = TopLevelSample.class.getName().replace('.', '/');

    @Test
    void inATopLevelClass_theBodiesArePrivate_andTheFramesAreNestmates() {
        Map<String, byte[]> classes = new AsyncCompiler().compile(ClassFiles.of(TopLevelSample.class)).classes();
        ClassNode owner = read(classes.get(OWNER));
        for (String method : List.of("describe", "greet")) {
            String frame = OWNER + "$Async$" + method;
            MethodNode body = body(owner, method, frame);
            assertEquals(Opcodes.ACC_PRIVATE, body.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_PUBLIC
                    | Opcodes.ACC_PROTECTED), method);
            assertEquals(OWNER, read(classes.get(frame)).nestHostClass, method);
            assertTrue(owner.nestMembers.contains(frame), method);
        }
    }

    @Test
    void privateBodies_runFromTheirFrames_suspendingAndResuming() throws Throwable {
        assertEquals("null", Samples.run(TopLevelSample.class, "describe", (Object) null));
        Constructor<?> constructor = Samples.instrumented(TopLevelSample.class).getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        Object greeter = constructor.newInstance("hello");
        assertEquals("hello, null", Asyncio.run((Coroutine<?>) Samples.invoke(greeter, "greet", (Object) null)));

        Class<?> loaded = Samples.instrumented(TopLevelSample.class);
        Method body = bodyOf(loaded, "describe");
        assertTrue(Modifier.isPrivate(body.getModifiers()));
        assertSame(loaded, body.getParameterTypes()[0].getNestHost());
    }

    @Test
    void inANestedClass_theBodyIsPackagePrivate_andTheFrameJoinsNoNest() {
        String nested = NestedSample.class.getName().replace('.', '/');
        Map<String, byte[]> classes = new AsyncCompiler().compile(ClassFiles.of(NestedSample.class)).classes();
        MethodNode body = body(read(classes.get(nested)), "describe", nested + "$Async$describe");
        assertEquals(0, body.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED));
        assertNull(read(classes.get(nested + "$Async$describe")).nestHostClass);
    }

    private static MethodNode body(ClassNode owner, String name, String frame) {
        return owner.methods.stream()
                .filter(method -> method.name.equals(name) && method.desc.startsWith("(L" + frame + ";"))
                .findFirst().orElseThrow(() -> new AssertionError("no body of " + name));
    }

    private static Method bodyOf(Class<?> owner, String name) {
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(name) && Samples.isBody(method)) {
                return method;
            }
        }
        throw new AssertionError("no body of " + name);
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }
}
