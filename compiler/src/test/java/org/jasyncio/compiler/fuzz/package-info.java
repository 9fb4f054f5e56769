/**
 * The differential fuzzer of the compiler: random {@code @Async} methods, run instrumented on the
 * event loop and as plain Java, must return, throw and log the same, and every class the compiler
 * writes must pass ASM's {@code CheckClassAdapter} (with data flow) and the JVM's verifier.
 *
 * <p>{@link org.jasyncio.compiler.fuzz.ProgramGenerator} (statements) and
 * {@link org.jasyncio.compiler.fuzz.ExpressionGenerator} (expressions) write a class of 25 methods
 * from a seed (async lambdas among their expressions: called and awaited at once, so that the
 * reference, where they are plain lambdas, runs their bodies at the same moment); {@link org.jasyncio.compiler.fuzz.DifferentialRunner} compiles it twice in-process,
 * once against the runtime (instrumented, run with {@code Asyncio.run}, each awaited value complete
 * at once or on a later loop turn as a seeded trace chooses) and once against a shim where
 * {@code await} returns the value now; {@link org.jasyncio.compiler.fuzz.Shrinker} shrinks a
 * failure to a small source file. The default build runs 2,000 methods from a fixed seed. A long
 * campaign, reproducible from its seed:
 *
 * <pre>{@code
 * mvn -B -pl compiler -am test -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.seed=123 -Dfuzz.methods=100000
 * }</pre>
 *
 * <p>It prints its progress every 10,000 methods and stops after three failing programs. Each
 * report names the program's seed; {@code -Dfuzz.program=<seed>} runs that program alone, and
 * {@code -Dfuzz.findings=<directory>} also writes each report to a file there.
 */
package org.jasyncio.compiler.fuzz;
