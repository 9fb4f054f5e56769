package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/** {@code await} in a method that is not {@code @Async}, nor an async lambda: there is nothing to suspend. */
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
            return "await inside a lambda whose function type does not return Coroutine or Awaitable: such a"
                    + " lambda cannot suspend. Make it an async lambda, of a function type that returns"
                    + " Coroutine<T> (such as Supplier<Coroutine<T>>), and return completed(value) from it; or"
                    + " await the value in the @Async method itself and pass it in.";
        }
        return "await in a method that is not @Async: only a coroutine can suspend. Annotate the method"
                + " @Async and make it return Coroutine<T>.";
    }
}
