/**
 * One class per rejected construct, registered in {@link org.jasyncio.compiler.check.Checks#ALL}; each
 * reports what is wrong, where ({@code File.java:line}, method) and how to fix it.
 */
package org.jasyncio.compiler.check;
