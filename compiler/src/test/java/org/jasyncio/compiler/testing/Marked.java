package org.jasyncio.compiler.testing;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A runtime-visible annotation for samples, shared with the tests that look for it (see {@link Shared}). */
@Retention(RetentionPolicy.RUNTIME)
public @interface Marked {
    /** What the annotation marks. */
    String value();
}
