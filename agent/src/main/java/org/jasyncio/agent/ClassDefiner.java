package org.jasyncio.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Defines a class in a given class loader: how the agent adds the frame classes the compiler
 * generates beside each class it rewrites. A transformer can only change the bytes of the class being
 * loaded; the frame classes exist nowhere on the class path, so they are defined in the same loader,
 * package and protection domain before that class, which is the only code that names them.
 *
 * <p>Thread-safe when the loader is: the JVM calls transformers on whichever thread loads a class.
 */
@FunctionalInterface
interface ClassDefiner {

    /**
     * Defines {@code classFile} as the class {@code binaryName} in {@code loader}.
     *
     * @throws LinkageError when the loader rejects the class (a class of that name is already defined)
     */
    void define(ClassLoader loader, String binaryName, byte[] classFile, ProtectionDomain domain);

    /**
     * Defines classes through {@code ClassLoader.defineClass}, which {@code java.base} opens to the
     * agent alone through {@code instrumentation}: the way the Instrumentation API gives an agent for
     * reaching into the JDK, where the application's own code gets no such access.
     */
    static ClassDefiner through(Instrumentation instrumentation) {
        Module javaBase = ClassLoader.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of(ClassLoader.class.getPackageName(), Set.of(ClassDefiner.class.getModule())), Set.of(), Map.of());
        Method defineClass;
        try {
            defineClass = ClassLoader.class.getDeclaredMethod("defineClass",
                    String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this JDK's ClassLoader has no defineClass(String, byte[], int, int,"
                    + " ProtectionDomain); the jasyncio agent cannot define frame classes", e);
        }
        defineClass.setAccessible(true);
        return (loader, binaryName, classFile, domain) -> {
            try {
                defineClass.invoke(loader, binaryName, classFile, 0, classFile.length, domain);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof LinkageError linkage) {
                    throw linkage;
                }
                throw new IllegalStateException("cannot define " + binaryName + " in " + loader + ": " + e.getCause(),
                        e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("ClassLoader.defineClass is not accessible to the jasyncio agent", e);
            }
        };
    }
}
