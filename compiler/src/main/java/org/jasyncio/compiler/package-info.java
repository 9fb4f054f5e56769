/**
 * The jasyncio compiler: rewrites each {@code @Async} method of a class file into a resumable state
 * machine. {@link org.jasyncio.compiler.AsyncCompiler} is the one entry point; it takes class file
 * bytes and returns the rewritten class, the generated frame classes, or the diagnostics of a
 * rejected class. It never imports Maven, so a plugin, a javaagent and a unit test can all use it.
 *
 * <pre>{@code
 * CompileResult result = new AsyncCompiler().compile(Files.readAllBytes(classFile));
 * switch (result.status()) {
 *     case INSTRUMENTED -> result.classes().forEach(writer::write);
 *     case REJECTED -> result.diagnostics().forEach(d -> log.error(d.toString()));
 *     default -> { }
 * }
 * }</pre>
 */
package org.jasyncio.compiler;
