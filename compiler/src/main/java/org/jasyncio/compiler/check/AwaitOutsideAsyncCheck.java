package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/** {@code await} in a method that is not {@code @Async}, lambda bodies included: there is nothing to suspend. */
final class AwaitOutsideAsyncCheck implements Check {

    @Override
    public void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        if (Where.isAsync(method)) {
            return;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && Abi.isAwait(call.owner, call.name)) {
                report.accept(Where.at(owner, method, insn, message(method)));
            }
        }
    }

    private static String message(MethodNode method) {
        if (Where.isLambdaBody(method)) {
            return "await inside a lambda body: a lambda cannot suspend its enclosing coroutine. Await the"
                    + " value in the @Async method itself and pass it in, or make the lambda's work an @Async"
                    + " method and await its coroutine.";
        }
        return "await in a method that is not @Async: only a coroutine can suspend. Annotate the method"
                + " @Async and make it return Coroutine<T>.";
    }
}
