package org.jasyncio.compiler.testing;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compiles Java source held in a string, in this JVM, to class files held in memory. */
public final class InMemoryJavac {

    private InMemoryJavac() {
    }

    /**
     * Compiles {@code source}, the compilation unit of the public class {@code className}, against the
     * test class path, with {@code options} (for example {@code --release 11}).
     *
     * @return the class files by binary name
     */
    public static Map<String, byte[]> compile(String className, String source, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        var files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return outputs.computeIfAbsent(name, key -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> arguments = new java.util.ArrayList<>(List.of(options));
        arguments.addAll(List.of("-g", "-classpath", System.getProperty("java.class.path")));
        boolean compiled = javac.getTask(null, files, diagnostics, arguments, null, List.of(unit)).call();
        if (!compiled) {
            StringBuilder errors = new StringBuilder("javac failed:");
            String[] lines = source.split("\n", -1);
            for (var diagnostic : diagnostics.getDiagnostics()) {
                long line = diagnostic.getLineNumber();
                errors.append("\n").append(line).append(": ").append(diagnostic.getMessage(null));
                if (line > 0 && line <= lines.length) {
                    errors.append("\n    ").append(lines[(int) line - 1].trim());
                }
            }
            throw new IllegalArgumentException(errors.toString());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}
