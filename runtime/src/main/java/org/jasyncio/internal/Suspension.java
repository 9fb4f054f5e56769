package org.jasyncio.internal;

/**
 * The jumps of a generated state machine body that are not branches: thrown by {@link #await} when
 * an await has suspended and by {@link #resumeAt} when the frame resumes at a given await, and
 * caught by a handler the compiler places around that one call. Not for user code.
 *
 * <p>A state machine written with {@code if} and {@code switch} adds branches to the method's own
 * bytecode (one per await, one per resumption point), which coverage tools count as the user's and
 * show as partly covered whenever an await did not suspend in a test. An exception edge is no branch.
 * Once the JIT compiles the body, these small methods are inlined into it and the throw becomes a
 * jump to the handler in the same compiled code; the single instance is preallocated and carries no
 * stack trace, so nothing is allocated or walked.
 *
 * <p>It never reaches user code: each handler catches it right where it is thrown, ahead of every
 * handler of the user's own (the compiler puts its entries first in the exception table).
 *
 * <p>Thread rule: stateless; called only by generated bodies, on the loop thread that runs them.
 */
public final class Suspension extends Throwable {

    private static final long serialVersionUID = 1L;

    /** The one instance: immutable, since it records no stack trace, cause or suppressed exceptions. */
    private static final Suspension JUMP = new Suspension();

    private Suspension() {
        super("a jump of a generated state machine, thrown and caught in its body", null, false, false);
    }

    /**
     * An await of {@code awaitable} from {@code frame}: its value, or its exception, as
     * {@link Await#await} gives them; throws this class's instance when the await suspended, which
     * sends the body to the handler that saves its frame.
     */
    public static Object await(Object awaitable, AsyncFrame<?> frame) throws Suspension {
        Object result = Await.await(awaitable, frame);
        if (result == Await.SUSPENDED) {
            throw JUMP;
        }
        return result;
    }

    /**
     * At the body's entry, once per await {@code point} (1, 2, ...): throws this class's instance when
     * {@code state} is that point, which sends the body to the handler that restores its frame and
     * resumes it there.
     */
    public static void resumeAt(int state, int point) throws Suspension {
        if (state == point) {
            throw JUMP;
        }
    }
}
