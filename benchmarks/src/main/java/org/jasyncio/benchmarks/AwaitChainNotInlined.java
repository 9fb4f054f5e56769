package org.jasyncio.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link AwaitChain} with the chain's classes kept from being inlined, as large or megamorphic
 * methods are in real programs: what an await costs when the JIT cannot scalar-replace the frames.
 * The commands go first on the forked JVM's command line ({@code jvmArgsPrepend}), so that the
 * arguments the full run appends on newer JDKs do not replace them.
 */
@Fork(value = 1,
        jvmArgsPrepend = {
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.JasyncioChain*::*",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.KotlinChain*::*",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.PlainChain::*"},
        jvmArgsAppend = {Alternatives.HEAP_MIN, Alternatives.HEAP_MAX, Alternatives.ONE_CARRIER})
public class AwaitChainNotInlined extends AwaitChain {
}
