package org.jasyncio.compiler.fuzz;

/**
 * How a generated method awaits the coroutine of a later generated method: the compiler may run a
 * call awaited straight from where it is made ({@link #DIRECT}) without a frame object until the
 * callee suspends, and keeps a lazy coroutine object for every other shape, so the fuzzer generates
 * them all. In each, nothing observable happens between the call and the await, so the reference,
 * where the call runs the body, sees the same order of side effects.
 *
 * <p>Generated code names its shape at the call, {@code m5(t.callee(HOLD), ...)}, so that a run can
 * tell how deep each call ran and whether it suspended (see {@link CallStats}).
 */
public enum CallShape {
    /** {@code await(m5(..))}. */
    DIRECT,
    /** {@code Coroutine<Long> c = m5(..);} then at once {@code await(c)}. */
    LOCAL,
    /** A field of {@code Program} (of the receiver, or static) written, then at once awaited. */
    FIELD,
    /** {@code await(hold(m5(..)))}, through an identity method. */
    HOLD,
    /** {@code await(c ? m5(..) : m6(..))}, or with a completed coroutine as the other choice. */
    TERNARY,
    /** {@code return m5(..);}: the caller's coroutine ends by running the callee's. */
    RETURNED
}
