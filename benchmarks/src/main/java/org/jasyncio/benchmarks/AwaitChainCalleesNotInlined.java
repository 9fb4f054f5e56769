package org.jasyncio.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link AwaitChain} with only the user's own methods of the chain, {@code leaf} and {@code mid},
 * kept from being inlined, for each alternative: what a large method costs to await when everything
 * the library generates around it (jasyncio's direct entries, Kotlin's continuation classes) is left
 * to the JIT, as it would be in a real program. {@link AwaitChainNotInlined} keeps the chain's whole
 * classes out of line instead.
 */
@Fork(value = 1,
        jvmArgsPrepend = {
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.JasyncioChain::leaf",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.JasyncioChain::mid",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.KotlinChain::leaf",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.KotlinChain::mid",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.PlainChain::leaf",
            "-XX:CompileCommand=dontinline,org.jasyncio.benchmarks.PlainChain::mid"},
        jvmArgsAppend = {Alternatives.HEAP_MIN, Alternatives.HEAP_MAX, Alternatives.ONE_CARRIER})
public class AwaitChainCalleesNotInlined extends AwaitChain {
}
