package org.jasyncio.benchmarks;

/** What the await-chain workloads share: their values, and the result they must reach. */
final class ChainWorkload {

    /** Values stay within {@code 0..SMALL}, so that boxing them takes {@code Integer}'s cache, not the heap. */
    static final int SMALL = 63;

    private ChainWorkload() {
    }

    /** The sum {@code caller(calls)} returns: each call adds {@code (i & SMALL) + 1}. */
    static int expectedSum(int calls) {
        int sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += (i & SMALL) + 1;
        }
        return sum;
    }
}
