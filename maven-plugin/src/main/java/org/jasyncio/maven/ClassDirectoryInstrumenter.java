package org.jasyncio.maven;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompileResult;
import org.jasyncio.compiler.Diagnostic;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Instruments every class file under one directory, all or nothing: every class is compiled in
 * memory first; only when none is rejected are the outputs written, each atomically (a temporary
 * file beside it, then a move), so an interrupted or failed build never leaves a half-written class.
 * Knows nothing of Maven, so it can be tested, and used, without it.
 */
public final class ClassDirectoryInstrumenter {

    private final AsyncCompiler compiler = new AsyncCompiler();

    /**
     * What one run did.
     *
     * @param instrumented        classes rewritten in this run
     * @param alreadyInstrumented classes an earlier run rewrote, left alone
     * @param untouched           classes with no {@code @Async} method and no {@code await}
     * @param written             files written: rewritten classes and their frame classes
     * @param problems            every problem found; when not empty, nothing was written
     */
    public record Report(int instrumented, int alreadyInstrumented, int untouched, int written,
                         List<Diagnostic> problems) {

        public Report {
            problems = List.copyOf(problems);
        }

        /** The one line a build log shows. */
        public String summary() {
            return "jasyncio: " + instrumented + " class(es) instrumented, " + alreadyInstrumented
                    + " already instrumented, " + untouched + " untouched";
        }
    }

    /** Instruments the classes under {@code directory}; a missing directory has nothing to do. */
    public Report instrument(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return new Report(0, 0, 0, 0, List.of());
        }
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(directory)) {
            classFiles = files.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        }
        int instrumented = 0;
        int already = 0;
        int untouched = 0;
        List<Diagnostic> problems = new ArrayList<>();
        Map<Path, byte[]> outputs = new LinkedHashMap<>();
        for (Path classFile : classFiles) {
            CompileResult result = compiler.compile(Files.readAllBytes(classFile));
            switch (result.status()) {
                case UNTOUCHED -> untouched++;
                case ALREADY_INSTRUMENTED -> already++;
                case REJECTED -> problems.addAll(result.diagnostics());
                case INSTRUMENTED -> {
                    instrumented++;
                    result.classes().forEach((name, bytes) -> outputs.put(directory.resolve(name + ".class"), bytes));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Report(instrumented, already, untouched, 0, problems);
        }
        int written = 0;
        for (Map.Entry<Path, byte[]> output : outputs.entrySet()) {
            if (writeIfChanged(output.getKey(), output.getValue())) {
                written++;
            }
        }
        return new Report(instrumented, already, untouched, written, List.of());
    }

    private static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return true;
    }
}
