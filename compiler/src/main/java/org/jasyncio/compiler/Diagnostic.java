package org.jasyncio.compiler;

/**
 * One rejected construct: what is wrong, where, and how to fix it.
 *
 * @param sourceFile the source file named by the class file, under its package directory
 *                   ({@code com/example/Hello.java}), or the class's
 *                   internal name plus {@code .class} when the class file names none
 * @param line       the source line, or {@code -1} when the class file has none (abstract and native
 *                   methods, or classes compiled without line numbers)
 * @param className  the binary name of the class ({@code com.example.Hello})
 * @param method     the method's name and descriptor-free signature ({@code say(String)})
 * @param message    what is wrong and how to fix it
 */
public record Diagnostic(String sourceFile, int line, String className, String method, String message) {

    /** {@code Hello.java:12: com.example.Hello.say(String): message}, the form build logs show. */
    @Override
    public String toString() {
        String where = line > 0 ? sourceFile + ":" + line : sourceFile;
        return where + ": " + className + "." + method + ": " + message;
    }
}
