package org.jasyncio.compiler.testing;

import java.io.IOException;

/**
 * Objects that samples and tests must share. A sample's own statics are loaded a second time by the
 * instrumenting loader, so an identity check needs an object from outside the sample's classes.
 */
public final class Shared {

    /** The one checked exception samples throw, so tests can check it arrives as the same object. */
    public static final IOException BROKEN = new IOException("broken pipe");

    private Shared() {
    }
}
