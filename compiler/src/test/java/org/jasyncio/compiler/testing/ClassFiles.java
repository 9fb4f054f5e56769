package org.jasyncio.compiler.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The class files of test classes, as javac wrote them. */
public final class ClassFiles {

    private ClassFiles() {
    }

    /** The bytes of {@code type}'s class file. */
    public static byte[] of(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
