/**
 * Frames, liveness and suspension points: turns one lowered {@code @Async} method into an immutable
 * {@link org.jasyncio.compiler.analysis.MethodPlan} that code generation consumes.
 */
package org.jasyncio.compiler.analysis;
