/**
 * JMH benchmarks of jasyncio against the alternatives a user would pick instead: Kotlin coroutines
 * confined to one thread, virtual threads on one carrier, and plain {@code CompletableFuture}
 * composition on a single-thread executor. One class per workload, one benchmark method per
 * alternative, named after it; the workloads themselves are in one class per alternative.
 *
 * <pre>{@code
 * mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests                      # everything, on JDK 25
 * mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests -Dbenchmarks.args=Yield  # one workload
 * }</pre>
 */
package org.jasyncio.benchmarks;
