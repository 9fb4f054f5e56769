/**
 * The differential fuzzer of the compiler: random {@code @Async} methods, run instrumented on the
 * event loop and as plain Java, must return, throw and log the same, and every class the compiler
 * writes must pass ASM's {@code CheckClassAdapter} (with data flow) and the JVM's verifier.
 *
 * <p>{@link org.jasyncio.compiler.fuzz.ProgramGenerator} (statements) and
 * {@link org.jasyncio.compiler.fuzz.ExpressionGenerator} (expressions) write a class of 25 methods
 * from a seed (async lambdas among their expressions: called and awaited at once, so that the
 * reference, where they are plain lambdas, runs their bodies at the same moment). A method calls at
 * most one later method, most of them one, so that call chains run three deep and more, in one of
 * the {@link org.jasyncio.compiler.fuzz.CallShape}s: awaited straight from the call; held in a
 * local, a field, an identity method or a ternary; or returned; always awaited before anything
 * observable runs, since the reference runs the body at the call.
 * {@link org.jasyncio.compiler.fuzz.DifferentialRunner} compiles the class twice in-process, once
 * against the runtime (instrumented, run with {@code Asyncio.run}, each awaited value complete at
 * once or on a later loop turn as a seeded trace chooses; a call passes its callee a trace of its
 * own, under which, for about half of the calls at each depth, every value completes at once) and
 * once against a shim where {@code await} returns the value now;
 * {@link org.jasyncio.compiler.fuzz.Shrinker} shrinks a failure to a small source file. The default
 * build runs 2,000 methods from a fixed seed. A long campaign, reproducible from its seed:
 *
 * <pre>{@code
 * mvn -B -pl compiler -am test -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.seed=123 -Dfuzz.methods=100000
 * }</pre>
 *
 * <p>It prints its progress every 10,000 methods and stops after three failing programs. At the end
 * it prints how many calls ran in each shape at each depth, and how many of them completed at once
 * or suspended ({@link org.jasyncio.compiler.fuzz.CallStats}); a run of the default budget or more
 * fails if a shape missed an outcome at depth 1, 2 or 3. Each report names the program's seed;
 * {@code -Dfuzz.program=<seed>} runs that program alone, and {@code -Dfuzz.findings=<directory>}
 * also writes each report to a file there.
 */
package org.jasyncio.compiler.fuzz;
