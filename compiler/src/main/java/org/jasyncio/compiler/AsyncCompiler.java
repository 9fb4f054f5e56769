package org.jasyncio.compiler;

/**
 * The compiler's one entry point: class file bytes in, instrumented class files out.
 *
 * <p>Stateless and thread-safe; usable from a Maven plugin, a javaagent or a unit test alike. It
 * needs no other class than the one it is given: the types it saves across a suspension come from
 * the class file's own stack map frames.
 */
public final class AsyncCompiler {

    /** Rewrites every {@code @Async} method of one class file into a resumable state machine. */
    public CompileResult compile(byte[] classFile) {
        throw new UnsupportedOperationException("not yet");
    }
}
