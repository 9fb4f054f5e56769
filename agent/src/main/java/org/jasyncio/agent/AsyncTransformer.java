package org.jasyncio.agent;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.Diagnostic;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;

/**
 * Instruments each class as the JVM loads it, with the compiler and the checks the Maven plugin uses.
 *
 * <table>
 *   <caption>What becomes of a class</caption>
 *   <tr><th>the class</th><th>what the JVM loads</th></tr>
 *   <tr><td>loaded by the bootstrap or platform loader, in a JDK package, or the agent's own</td>
 *       <td>the class as it is, without reading it</td></tr>
 *   <tr><td>no {@code @Async} method and no {@code await} (the compiler's cheap scan), or already
 *       rewritten by the plugin</td><td>the class as it is</td></tr>
 *   <tr><td>{@code @Async} methods, used correctly</td><td>the rewritten class; its frame classes
 *       are defined in the same loader first</td></tr>
 *   <tr><td>a misuse (the plugin's build failures), or a failure of the agent itself</td>
 *       <td>the message on standard error, and a {@link FailingClass} whose initialisation throws an
 *       {@link Error} with it</td></tr>
 * </table>
 *
 * <p>Thread-safe: the JVM calls {@link #transform} on whichever thread loads a class, and the
 * compiler is stateless. Redefinitions and retransformations are left alone.
 */
public final class AsyncTransformer implements ClassFileTransformer {

    /** Packages whose classes are never the user's: the JDK's, and the agent's own (with its relocated ASM). */
    private static final List<String> SKIPPED_PACKAGES =
            List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/jasyncio/agent/");

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final AsyncCompiler compiler = new AsyncCompiler();
    private final ClassDefiner frames;
    private final PrintStream errors;

    /**
     * @param frames defines the frame classes of a rewritten class in its loader
     * @param errors where misuses and failures are printed ({@code System.err})
     */
    AsyncTransformer(ClassDefiner frames, PrintStream errors) {
        this.frames = frames;
        this.errors = errors;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) {
        if (classBeingRedefined != null || className == null || loader == null || loader == PLATFORM
                || isSkipped(className)) {
            return null;
        }
        try {
            CompileResult result = compiler.compile(classFile);
            return switch (result.status()) {
                case UNTOUCHED, ALREADY_INSTRUMENTED -> null;
                case INSTRUMENTED -> defineFrames(loader, className, domain, result.classes());
                case REJECTED -> fail(classFile, rejection(className, result.diagnostics()));
            };
        } catch (RuntimeException | LinkageError e) {
            String message = "jasyncio: the agent could not instrument " + binaryName(className) + " (" + e
                    + "); the class cannot be used. This is a bug of jasyncio: please report it with the class file.";
            errors.println(message);
            e.printStackTrace(errors);
            return FailingClass.replacing(classFile, message);
        }
    }

    private static boolean isSkipped(String className) {
        for (String prefix : SKIPPED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Defines every generated frame class, and returns the rewritten class for the JVM to define. */
    private byte[] defineFrames(ClassLoader loader, String className, ProtectionDomain domain,
                                Map<String, byte[]> classes) {
        for (Map.Entry<String, byte[]> generated : classes.entrySet()) {
            if (!generated.getKey().equals(className)) {
                frames.define(loader, binaryName(generated.getKey()), generated.getValue(), domain);
            }
        }
        return classes.get(className);
    }

    /** The message a rejected class prints, and throws when used: the plugin's, one problem a line. */
    private static String rejection(String className, List<Diagnostic> problems) {
        StringBuilder message = new StringBuilder("jasyncio: " + problems.size() + " problem(s) with @Async or await in "
                + binaryName(className) + "; the class cannot be used:");
        for (Diagnostic problem : problems) {
            message.append(System.lineSeparator()).append(problem);
        }
        return message.toString();
    }

    private byte[] fail(byte[] classFile, String message) {
        errors.println(message);
        return FailingClass.replacing(classFile, message);
    }

    private static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }
}
