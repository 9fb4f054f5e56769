/**
 * The differential fuzzer of the compiler: random {@code @Async} methods, run instrumented on the
 * event loop and as plain Java, must return, throw and log the same. The default build runs 2,000
 * methods from a fixed seed; a long campaign, reproducible from its seed:
 *
 * <pre>{@code
 * mvn -B -pl compiler -am install -DskipJdk25 -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.seed=1 -Dfuzz.methods=100000
 * }</pre>
 *
 * A failure is shrunk and printed as a small Java source, with the seeds that reproduce it.
 */
package org.jasyncio.compiler.fuzz;
