package org.jasyncio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds source lines by marker comments, so that tests can assert the lines a stack trace or a call
 * graph names without numbering them by hand: the line that ends with {@code // at: name}.
 */
public final class SourceLines {

    private SourceLines() {
    }

    /** The line of {@code test}'s source (under {@code src/test/java}) that ends with {@code // at: marker}. */
    public static int of(Class<?> test, String marker) {
        Path source = Path.of("src/test/java", test.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// at: " + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no line ends with // at: " + marker + " in " + source);
    }
}
