package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/**
 * {@code @AsyncTest} on a method JUnit could not run as a test once compiled: one that does not
 * return {@code org.jasyncio.Coroutine}, or a static or private one (JUnit runs neither).
 */
final class AsyncTestMethodCheck implements Check {

    @Override
    public void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        if (!Where.isAsyncTest(method) || method.name.startsWith("<")) {
            return;
        }
        Type returned = Type.getReturnType(method.desc);
        if (!Abi.COROUTINE_DESC.equals(returned.getDescriptor()) && !Where.carries(method, Abi.ASYNC_ANNOTATION)) {
            String name = returned.getClassName();
            report.accept(Where.at(owner, method, null, "an @AsyncTest method must return org.jasyncio.Coroutine<?>,"
                    + " but this one returns " + name.substring(name.lastIndexOf('.') + 1) + ". Declare it as"
                    + " returning Coroutine<Void> and end it with return completed(); or, for a test that does"
                    + " not await, use @Test."));
        }
        if ((method.access & Opcodes.ACC_STATIC) != 0) {
            report.accept(Where.at(owner, method, null, "an @AsyncTest method must not be static: JUnit runs"
                    + " test methods on an instance of the test class. Remove static."));
        }
        if ((method.access & Opcodes.ACC_PRIVATE) != 0) {
            report.accept(Where.at(owner, method, null, "an @AsyncTest method must not be private: JUnit does not"
                    + " run private test methods. Make it package-private."));
        }
    }
}
