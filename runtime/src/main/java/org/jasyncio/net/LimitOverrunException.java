package org.jasyncio.net;

import java.io.IOException;

/**
 * A read found no separator within the reader's limit, as asyncio's {@code LimitOverrunError}; the
 * bytes stay in the reader. Raise the limit with {@code StreamOptions.withLimit}.
 */
public final class LimitOverrunException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int consumed;

    LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many bytes the reader holds that were searched. */
    public int consumed() {
        return consumed;
    }
}
