/**
 * Emits the state machine from a {@link org.jasyncio.compiler.analysis.MethodPlan}: the lowered body
 * rewritten in place, the stub users call, the direct entry that {@code await(f(args))} sites are
 * bound to, and the frame class. Nothing here decides what to save.
 */
package org.jasyncio.compiler.codegen;
