package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Diagnostic;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/** The registry of checks, run over every method of a class before anything is rewritten. */
public final class Checks {

    /** Every check, in the order their messages are reported for one method. */
    public static final List<Check> ALL = List.of(
            new AsyncOnConstructorCheck(),
            new AsyncWithoutBodyCheck(),
            new AsyncReturnTypeCheck(),
            new AsyncTestMethodCheck(),
            new AwaitOutsideAsyncCheck(),
            new AwaitInSynchronizedCheck());

    private Checks() {
    }

    /** Every problem in {@code owner}, method by method, in class file order. */
    public static List<Diagnostic> run(ClassNode owner) {
        List<Diagnostic> found = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            for (Check check : ALL) {
                check.check(owner, method, found::add);
            }
        }
        return found;
    }
}
