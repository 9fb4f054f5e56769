package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Diagnostic;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/**
 * One rejected construct. Each check looks at one method of a class and reports every problem it
 * finds there; {@link Checks#ALL} is the list the compiler runs.
 */
public interface Check {

    /** Reports each occurrence of this check's construct in {@code method}. */
    void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report);
}
