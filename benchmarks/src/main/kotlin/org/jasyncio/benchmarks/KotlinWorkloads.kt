package org.jasyncio.benchmarks

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.yield
import org.openjdk.jmh.infra.Blackhole
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.nanoseconds
import kotlin.time.Duration.Companion.seconds

/**
 * The workloads written with Kotlin coroutines, as a Kotlin user would write them, confined to one
 * thread: each runs in `runBlocking`, whose event loop is the calling thread.
 */
object KotlinWorkloads {

    private suspend fun passThrough(value: Any): Any = value

    @JvmStatic
    fun awaitInline(awaits: Int, token: Any, blackhole: Blackhole): Int = runBlocking {
        for (i in 0 until awaits) {
            blackhole.consume(passThrough(token))
        }
        awaits
    }

    private suspend fun yielder(switches: Int): Int {
        for (i in 0 until switches) {
            yield()
        }
        return switches
    }

    @JvmStatic
    fun alternate(switchesEach: Int): Int = runBlocking {
        val first = async { yielder(switchesEach) }
        val second = async { yielder(switchesEach) }
        first.await() + second.await()
    }

    @JvmStatic
    fun handoff(values: Array<Int>, count: Int): Long = runBlocking {
        val slot = Channel<Int>(1)
        val consumer = async {
            var sum = 0L
            for (i in 0 until count) {
                sum += slot.receive()
            }
            sum
        }
        for (i in 0 until count) {
            slot.send(values[i and (values.size - 1)])
        }
        consumer.await()
    }

    @JvmStatic
    fun newMutex(): Mutex = Mutex()

    @JvmStatic
    fun lockUncontended(mutex: Mutex, pairs: Int): Int = runBlocking {
        var held = 0
        for (i in 0 until pairs) {
            mutex.withLock { held++ }
        }
        held
    }

    /** Runs [whileSuspended] once every coroutine has started its delay, if it is not null. */
    @JvmStatic
    fun spawnSleep(tasks: Int, delayMillis: Long, whileSuspended: Runnable?): Int = runBlocking {
        val sleepers = List(tasks) { async { delay(delayMillis.milliseconds) } }
        if (whileSuspended != null) {
            yield()
            whileSuspended.run()
        }
        sleepers.awaitAll().size
    }

    @JvmStatic
    fun gatherYielders(tasks: Int): Int = runBlocking {
        List(tasks) { async { yield() } }.awaitAll().size
    }

    @JvmStatic
    fun taskGroupYielders(tasks: Int): Int = runBlocking {
        coroutineScope {
            repeat(tasks) { launch { yield() } }
        }
        tasks
    }

    @JvmStatic
    fun timeouts(count: Int, token: Any, blackhole: Blackhole): Int = runBlocking {
        for (i in 0 until count) {
            blackhole.consume(withTimeout(1.seconds) { passThrough(token) })
        }
        count
    }

    /** Awaits a chain [depth] deep (not a tail call: the result is used) whose end yields, then throws. */
    private suspend fun failAfterSuspending(depth: Int): Int {
        if (depth == 0) {
            yield()
            throw IllegalStateException("thrown through awaits")
        }
        return 1 + failAfterSuspending(depth - 1)
    }

    @JvmStatic
    fun throwThroughAwaits(throws: Int, depth: Int): Int = runBlocking {
        var caught = 0
        for (i in 0 until throws) {
            try {
                failAfterSuspending(depth)
            } catch (expected: IllegalStateException) {
                caught++
            }
        }
        caught
    }

    /** Delays are in nanoseconds; kotlinx.coroutines rounds each up to whole milliseconds. */
    @JvmStatic
    fun timers(delays: LongArray): Int {
        var fired = 0
        runBlocking {
            for (delay in delays) {
                launch {
                    delay(delay.nanoseconds)
                    fired++
                }
            }
        }
        return fired
    }
}
