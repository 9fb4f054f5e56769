package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/** {@code @Async} on an abstract or native method: there is no body to turn into a state machine. */
final class AsyncWithoutBodyCheck implements Check {

    @Override
    public void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        if (!Where.isAsync(method)) {
            return;
        }
        if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            report.accept(Where.at(owner, method, null,
                    "@Async cannot mark an abstract method: it has no body to run. Declare it returning"
                            + " Coroutine<T> without @Async, and mark the implementing methods @Async."));
        } else if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            report.accept(Where.at(owner, method, null,
                    "@Async cannot mark a native method: it has no Java body to run. Remove @Async."));
        }
    }
}
