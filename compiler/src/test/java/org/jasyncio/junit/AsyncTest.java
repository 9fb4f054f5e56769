package org.jasyncio.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stand-in for the JUnit module's {@code @AsyncTest}, which the compiler knows by descriptor only
 * (that module's tests need the compiler, so the compiler's tests cannot need that module). That
 * module's own tests check the names against the real annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AsyncTest {
}
