package org.jasyncio.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that the jasyncio compiler has rewritten, so that a second run leaves it alone.
 * Added by the compiler only; not for user code.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Instrumented {
}
