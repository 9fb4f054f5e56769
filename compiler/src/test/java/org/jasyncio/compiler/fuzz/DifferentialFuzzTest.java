package org.jasyncio.compiler.fuzz;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The differential fuzzer: generated {@code @Async} methods run instrumented on the event loop and as
 * plain Java must agree. The default build runs a bounded budget from a fixed seed; a long campaign
 * takes its seed and size from the command line (see {@code package-info}).
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
        List<String> reports = new ArrayList<>();
        long start = System.nanoTime();
        int methods = 0;
        for (int index = 0; methods < budget && reports.size() < MAX_REPORTS; index++) {
            long programSeed = seed * 1_000_003L + index;
            ProgramGenerator.Program program = new ProgramGenerator(programSeed, METHODS_PER_PROGRAM).program();
            for (DifferentialRunner.Failure failure : DifferentialRunner.run(program, programSeed)) {
                reports.add("program seed " + programSeed + ": " + Shrinker.report(program, programSeed, failure));
                break;
            }
            methods += METHODS_PER_PROGRAM;
            if (methods % PROGRESS_EVERY == 0) {
                System.out.printf("fuzz: %d methods in %.0f s, %d failing%n", methods,
                        (System.nanoTime() - start) / 1e9, reports.size());
            }
        }
        System.out.printf("fuzz: seed %d, %d generated methods in %.1f s, %d failing%n", seed, methods,
                (System.nanoTime() - start) / 1e9, reports.size());
        assertEquals(List.of(), reports, () -> String.join("\n\n", reports));
    }
}
