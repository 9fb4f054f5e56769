package org.jasyncio.compiler;

import java.util.List;
import java.util.Map;

/**
 * What {@link AsyncCompiler#compile(byte[])} made of one class file.
 *
 * @param status      whether the class needed work
 * @param classes     when {@code status} is {@link Status#INSTRUMENTED}: the rewritten class and the
 *                    frame classes generated for it, by internal name ({@code com/example/Hello}),
 *                    in no particular order; otherwise empty
 * @param diagnostics when {@code status} is {@link Status#REJECTED}: every problem found, in order
 */
public record CompileResult(Status status, Map<String, byte[]> classes, List<Diagnostic> diagnostics) {

    /** The outcomes of compiling one class file. */
    public enum Status {
        /** The class has no {@code @Async} method and no {@code await} call: nothing to do. */
        UNTOUCHED,
        /** The class was instrumented by an earlier run and is left as it is. */
        ALREADY_INSTRUMENTED,
        /** The class was rewritten; {@code classes} holds the output. */
        INSTRUMENTED,
        /** The class misuses {@code @Async} or {@code await}; {@code diagnostics} says how. */
        REJECTED
    }

    public CompileResult {
        classes = Map.copyOf(classes);
        diagnostics = List.copyOf(diagnostics);
    }
}
