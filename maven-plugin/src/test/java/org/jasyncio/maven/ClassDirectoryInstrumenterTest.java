package org.jasyncio.maven;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDirectoryInstrumenterTest {

    static final class Good {
        @Async
        static Coroutine<String> hello() {
            await(sleep(1));
            return completed("hello");
        }
    }

    static final class Plain {
        static int one() {
            return 1;
        }
    }

    static final class Bad {
        static void notAsync() {
            await(sleep(1));
        }
    }

    static final class AlsoBad {
        @Async
        static String notACoroutine() {
            return "x";
        }
    }

    @TempDir
    Path classes;

    private final ClassDirectoryInstrumenter instrumenter = new ClassDirectoryInstrumenter();

    @Test
    void instrument_rewritesAsyncClasses_writesFrameClasses_andLeavesOthersAlone() throws IOException {
        Path good = copy(Good.class);
        Path plain = copy(Plain.class);
        byte[] plainBefore = Files.readAllBytes(plain);
        byte[] goodBefore = Files.readAllBytes(good);

        ClassDirectoryInstrumenter.Report report = instrumenter.instrument(classes);

        assertEquals(List.of(), report.problems());
        assertEquals(1, report.instrumented());
        assertEquals(1, report.untouched());
        assertEquals(2, report.written());
        assertTrue(Files.exists(good.resolveSibling("ClassDirectoryInstrumenterTest$Good$Async$hello.class")));
        assertFalse(Arrays.equals(goodBefore, Files.readAllBytes(good)));
        assertArrayEquals(plainBefore, Files.readAllBytes(plain));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void secondRun_recognisesInstrumentedClasses_andWritesNothing() throws IOException {
        Path good = copy(Good.class);
        instrumenter.instrument(classes);
        FileTime stamp = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(good, stamp);

        ClassDirectoryInstrumenter.Report again = instrumenter.instrument(classes);

        assertEquals(0, again.instrumented());
        assertEquals(1, again.alreadyInstrumented());
        assertEquals(0, again.written());
        assertEquals(stamp, Files.getLastModifiedTime(good));
    }

    @Test
    void rejectedClass_failsTheRun_andNothingIsWritten() throws IOException {
        Path good = copy(Good.class);
        copy(Bad.class);
        byte[] goodBefore = Files.readAllBytes(good);

        ClassDirectoryInstrumenter.Report report = instrumenter.instrument(classes);

        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).toString().contains("ClassDirectoryInstrumenterTest.java:"),
                report.problems().toString());
        assertEquals(0, report.written());
        assertArrayEquals(goodBefore, Files.readAllBytes(good));
        assertTrue(Files.notExists(good.resolveSibling("ClassDirectoryInstrumenterTest$Good$Async$hello.class")));
    }

    @Test
    void problemsOfEveryClass_areAllReported() throws IOException {
        copy(Bad.class);
        copy(AlsoBad.class);

        ClassDirectoryInstrumenter.Report report = instrumenter.instrument(classes);

        List<String> methods = report.problems().stream().map(problem -> problem.method()).sorted().toList();
        assertEquals(List.of("notACoroutine()", "notAsync()"), methods);
    }

    @Test
    void missingDirectory_hasNothingToDo() throws IOException {
        ClassDirectoryInstrumenter.Report report = instrumenter.instrument(classes.resolve("absent"));
        assertEquals(0, report.instrumented() + report.untouched() + report.alreadyInstrumented());
    }

    private Path copy(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getResourceAsStream("/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".tmp")).toList();
        }
    }
}
