package org.jasyncio.benchmarks

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * await-chain with Kotlin coroutines: `caller` calls `mid`, which calls `leaf`, none of them
 * suspending. In an object of its own, so that a benchmark can keep the JIT from inlining it
 * (`dontinline,org.jasyncio.benchmarks.KotlinChain*::*`, which also covers the continuation classes).
 */
object KotlinChain {

    /** Returns `x` at once; it could suspend, so it is a real suspend function with its own state machine. */
    private suspend fun leaf(x: Int): Int {
        if (x < 0) {
            yield()
        }
        return x
    }

    private suspend fun mid(i: Int): Int {
        val value = leaf(i and ChainWorkload.SMALL)
        return value + 1
    }

    private suspend fun caller(calls: Int): Int {
        var sum = 0
        for (i in 0 until calls) {
            sum += mid(i)
        }
        return sum
    }

    @JvmStatic
    fun run(calls: Int): Int = runBlocking { caller(calls) }
}
