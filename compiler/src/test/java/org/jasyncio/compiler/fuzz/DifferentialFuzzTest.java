package org.jasyncio.compiler.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential fuzzer: generated {@code @Async} methods run instrumented on the event loop and as
 * plain Java must agree. The default build runs a bounded budget from a fixed seed; a long campaign
 * takes its seed and size from the command line (see {@code package-info}).
 *
 * <p>System properties: {@code fuzz.seed} (the campaign's seed), {@code fuzz.methods} (how many
 * methods to generate), {@code fuzz.program} (run only the program of this seed, as a report
 * names it), {@code fuzz.findings} (a directory to write each report into, besides printing it).
 * A run of the default budget or more also checks that every {@link CallShape} met both outcomes
 * (the callee completed at once, or suspended) at depths 1, 2 and 3.
 */
class DifferentialFuzzTest {

    private static final long DEFAULT_SEED = 20_261_125L;
    private static final int DEFAULT_METHODS = 2_000;
    private static final int METHODS_PER_PROGRAM = 25;
    private static final int MAX_REPORTS = 3;
    private static final int PROGRESS_EVERY = 10_000;

    @Test
    void generatedMethods_behaveTheSame_instrumentedAndAsPlainJava() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int budget = Integer.getInteger("fuzz.methods", DEFAULT_METHODS);
        Long only = Long.getLong("fuzz.program");
        String findings = System.getProperty("fuzz.findings");
        List<String> reports = new ArrayList<>();
        CallStats stats = new CallStats();
        long start = System.nanoTime();
        int methods = 0;
        for (int index = 0; methods < budget && reports.size() < MAX_REPORTS; index++) {
            long programSeed = only != null ? only : programSeed(seed, index);
            ProgramGenerator.Program program = new ProgramGenerator(programSeed, METHODS_PER_PROGRAM).program();
            for (DifferentialRunner.Failure failure : DifferentialRunner.run(program, programSeed, stats)) {
                String report = "program seed " + programSeed + ": " + Shrinker.report(program, programSeed, failure);
                System.out.println(report);
                write(findings, programSeed, report);
                reports.add(report);
                break;
            }
            methods += METHODS_PER_PROGRAM;
            if (only != null) {
                break;
            }
            if (methods % PROGRESS_EVERY == 0) {
                System.out.printf("fuzz: %d methods in %.0f s, %d failing%n", methods,
                        (System.nanoTime() - start) / 1e9, reports.size());
            }
        }
        System.out.printf("fuzz: seed %d, %d generated methods in %.1f s, %d failing%n", seed, methods,
                (System.nanoTime() - start) / 1e9, reports.size());
        System.out.println("fuzz: " + stats);
        assertEquals(List.of(), reports, () -> String.join("\n\n", reports));
        if (only == null && budget >= DEFAULT_METHODS) {
            assertTrue(stats.coversBothOutcomesToDepthThree(),
                    () -> "the generator no longer calls in every shape at depths 1 to 3 with both outcomes: " + stats);
        }
    }

    /** The seed of a campaign's {@code index}th program. */
    static long programSeed(long campaignSeed, int index) {
        return campaignSeed * 1_000_003L + index;
    }

    private static void write(String directory, long programSeed, String report) {
        if (directory == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(directory));
            Files.writeString(dir.resolve("program-" + programSeed + ".txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
