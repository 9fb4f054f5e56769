package org.jasyncio.compiler.testing;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.TraceClassVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a test's sample classes through the compiler: every class whose name starts with the given
 * prefix is instrumented, each output class is verified with ASM's {@link CheckClassAdapter} (which
 * also runs ASM's data flow verifier over every method), and then defined, so the JVM verifies it too
 * (surefire runs with the JVM's verifier on, as every JVM does by default for application classes).
 * Everything else comes from the parent loader, so the runtime and JUnit are shared.
 */
public final class InstrumentingLoader extends ClassLoader {

    private final String prefix;
    private final Map<String, byte[]> sources;
    private final AsyncCompiler compiler = new AsyncCompiler();
    private final Map<String, byte[]> pending = new HashMap<>();

    /** Instruments the test classes whose names start with {@code prefix}, read from the class path. */
    public InstrumentingLoader(String prefix) {
        this(prefix, Map.of());
    }

    /** Instruments the classes whose names start with {@code prefix}, taken from {@code classes} by binary name. */
    public InstrumentingLoader(String prefix, Map<String, byte[]> classes) {
        super(InstrumentingLoader.class.getClassLoader());
        this.prefix = prefix;
        this.sources = Map.copyOf(classes);
    }

    /** Loads {@code sample} (a nested or top-level class of the tests) instrumented. */
    public static Class<?> instrumented(Class<?> sample) {
        String name = sample.getName();
        int nested = name.indexOf('$');
        InstrumentingLoader loader = new InstrumentingLoader(nested < 0 ? name : name.substring(0, nested));
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = pending.remove(name);
                if (bytes == null) {
                    bytes = instrument(name, original(name));
                }
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] instrument(String name, byte[] original) {
        CompileResult result = compiler.compile(original);
        switch (result.status()) {
            case UNTOUCHED, ALREADY_INSTRUMENTED -> {
                return original;
            }
            case REJECTED -> throw new AssertionError("compiler rejected " + name + ": " + result.diagnostics());
            default -> {
                result.classes().forEach((internalName, bytes) -> pending.put(internalName.replace('/', '.'), bytes));
                result.classes().forEach((internalName, bytes) -> verify(internalName, bytes));
                return pending.remove(name);
            }
        }
    }

    /**
     * Checks the class's structure and runs ASM's data flow verifier over each method; the JVM's own
     * verifier then checks it again, with the real class hierarchy, when it is defined.
     */
    static void verify(String internalName, byte[] bytes) {
        try {
            new ClassReader(bytes).accept(new CheckClassAdapter(null, true), 0);
        } catch (RuntimeException e) {
            StringWriter dump = new StringWriter();
            new ClassReader(bytes).accept(new TraceClassVisitor(new PrintWriter(dump)), 0);
            throw new AssertionError("generated " + internalName + " does not verify: " + e + "\n" + dump, e);
        }
    }

    private byte[] original(String name) throws ClassNotFoundException {
        byte[] given = sources.get(name);
        if (given != null) {
            return given;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
