package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/**
 * {@code @Async} on a constructor or a static initialiser. Java source cannot say it
 * ({@code @Target(METHOD)}), but other compilers and bytecode tools can.
 */
final class AsyncOnConstructorCheck implements Check {

    @Override
    public void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        if (Where.isAsync(method) && method.name.startsWith("<")) {
            report.accept(Where.at(owner, method, null,
                    "@Async cannot mark a constructor or initialiser: an object must be complete when it is"
                            + " created. Move the asynchronous work into an @Async factory method."));
        }
    }
}
