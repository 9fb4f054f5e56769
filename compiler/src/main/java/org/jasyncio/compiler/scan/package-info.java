/** The cheap pre-pass that tells whether a class file needs the compiler at all. */
package org.jasyncio.compiler.scan;
