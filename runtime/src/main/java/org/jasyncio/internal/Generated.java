package org.jasyncio.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method the jasyncio compiler wrote whole: the stub of an {@code @Async} method, which only
 * captures the arguments in a new frame. Coverage tools that skip generated code by this annotation's
 * simple name (JaCoCo does, for any class-retention annotation whose name contains "Generated")
 * then report the method's code once, in its state machine body, where its lines are. Added by the
 * compiler only; not for user code.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Generated {
}
