package org.jasyncio.net;

import java.io.EOFException;

/**
 * The stream ended before a read had what it needed, as asyncio's {@code IncompleteReadError}:
 * {@link #partial()} holds what was read (and is no longer in the reader).
 */
public final class IncompleteReadException extends EOFException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] partial;
    private final int expected;

    IncompleteReadException(byte[] partial, int expected, String needed) {
        super(partial.length + " bytes read before the end of the stream, " + needed);
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the end of the stream. */
    public byte[] partial() {
        return partial.clone();
    }

    /** How many bytes were expected, or -1 when the read waited for a separator. */
    public int expected() {
        return expected;
    }
}
