package org.jasyncio.benchmarks;

/**
 * await-chain without coroutines, as a virtual thread runs it: plain calls. In a class of its own,
 * so that a benchmark can keep the JIT from inlining it ({@code dontinline,org.jasyncio.benchmarks.PlainChain::*}).
 */
final class PlainChain {

    private PlainChain() {
    }

    static int leaf(int x) {
        if (x < 0) {
            Thread.yield();
        }
        return x;
    }

    static int mid(int i) {
        int value = leaf(i & ChainWorkload.SMALL);
        return value + 1;
    }

    static int caller(int calls) {
        int sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += mid(i);
        }
        return sum;
    }
}
