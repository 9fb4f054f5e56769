/**
 * The ABI that instrumented code calls ({@link org.jasyncio.internal.AsyncFrame},
 * {@link org.jasyncio.internal.Await}, {@link org.jasyncio.internal.DirectCalls}) and the machinery
 * behind it; not for user code, and free to
 * change in any release except where the compiler depends on it.
 */
package org.jasyncio.internal;
