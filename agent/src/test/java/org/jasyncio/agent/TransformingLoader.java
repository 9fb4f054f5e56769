package org.jasyncio.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the classes of package {@code com.example} (the user's code) itself, through an {@link AsyncTransformer}, as the
 * JVM does with an agent; everything else comes from its parent. Frame classes are defined through
 * {@link #definer()}, as the agent's {@link ClassDefiner} does, and recorded.
 */
final class TransformingLoader extends ClassLoader {

    private static final String FIXTURES = "com.example.";

    private final AsyncTransformer transformer;
    final List<String> framesDefined = new ArrayList<>();

    /** Defines frame classes with {@code frames}, prints misuses to {@code errors}. */
    TransformingLoader(ClassDefiner frames, PrintStream errors) {
        super(TransformingLoader.class.getClassLoader());
        this.transformer = new AsyncTransformer(frames, errors);
    }

    /** Defines frame classes in the loader, as the agent's definer does. */
    TransformingLoader(PrintStream errors) {
        this((loader, binaryName, classFile, domain) -> ((TransformingLoader) loader).defineFrame(binaryName, classFile),
                errors);
    }

    private void defineFrame(String binaryName, byte[] classFile) {
        framesDefined.add(binaryName);
        defineClass(binaryName, classFile, 0, classFile.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(FIXTURES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            byte[] original = originalBytes(name);
            byte[] transformed = transformer.transform(this, name.replace('.', '/'), null, null, original);
            byte[] bytes = transformed == null ? original : transformed;
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    static byte[] originalBytes(String name) {
        try (InputStream in = TransformingLoader.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
