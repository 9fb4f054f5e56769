/**
 * The javaagent: instruments classes with the jasyncio compiler as the JVM loads them, with the same
 * checks as the Maven plugin, so that a run without the Maven build (from an IDE) works as well.
 * Classes the plugin already rewrote are left alone.
 *
 * <pre>{@code
 * java -javaagent:jasyncio-agent.jar -cp target/classes:jasyncio-runtime.jar com.example.Hello
 *
 * // a misuse, printed to standard error when the class loads; using the class throws an Error with it:
 * jasyncio: 1 problem(s) with @Async or await in com.example.Hello; the class cannot be used:
 * com/example/Hello.java:12: com.example.Hello.main(): ...
 * }</pre>
 */
package org.jasyncio.agent;
