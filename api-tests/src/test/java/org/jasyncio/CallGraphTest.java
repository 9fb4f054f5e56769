package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.captureCallGraph;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.formatCallGraph;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.printCallGraph;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.SourceLines;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/**
 * Call graphs (API section 6, Python 3.14's {@code asyncio.graph}): a suspended task, where each of
 * its {@code @Async} methods waits, and the tasks that await it, directly and through a gather.
 * Lines are found by the marker comments below. A graph is of one loop and taken on its thread.
 */
class CallGraphTest {

    private static final String CLASS = CallGraphTest.class.getName();

    @Async
    static Coroutine<String> leaf(Future<String> gate) {
        return completed(await(inner(gate))); // at: leaf
    }

    @Async
    static Coroutine<String> inner(Future<String> gate) {
        return completed(await(gate)); // at: inner
    }

    @Async
    static Coroutine<String> waiter(Task<String> leaf) {
        return completed(await(leaf)); // at: waiter
    }

    @Async
    static Coroutine<String> gathering(Task<String> leaf) {
        return completed(await(gather(leaf)).get(0)); // at: gathering
    }

    /** What the graph of a suspended task was, and what it should have been, both taken while suspended. */
    record Seen(String actual, String expected, CallGraph graph, CallGraph ofGate) {
    }

    @Async
    static Coroutine<Seen> suspendedTaskAwaitedByTwo() {
        Future<String> gate = getRunningLoop().createFuture();
        Task<String> leaf = createTask(leaf(gate));
        Task<String> first = createTask(waiter(leaf));
        Task<String> second = createTask(gathering(leaf));
        await(sleep(0));
        String expected = "* " + leaf + "\n"
                + "+ Call stack:\n"
                + "|   at " + CLASS + ".inner(CallGraphTest.java:" + line("inner") + ")\n"
                + "|   at " + CLASS + ".leaf(CallGraphTest.java:" + line("leaf") + ")\n"
                + "+ Awaited by:\n"
                + "   * " + first + "\n"
                + "      + Call stack:\n"
                + "      |   at " + CLASS + ".waiter(CallGraphTest.java:" + line("waiter") + ")\n"
                + "   * " + second + "\n"
                + "      + Call stack:\n"
                + "      |   at " + CLASS + ".gathering(CallGraphTest.java:" + line("gathering") + ")\n";
        Seen seen = new Seen(formatCallGraph(leaf), expected, captureCallGraph(leaf), captureCallGraph(gate));
        gate.setResult("open");
        assertEquals(List.of("open", "open"), await(gather(first, second)));
        assertEquals(List.of(), captureCallGraph(leaf).frames());
        return completed(seen);
    }

    @Test
    void aSuspendedTaskAwaitedByTwo_showsItsFramesInnermostFirst_andBothAwaiters() {
        Seen seen = VirtualTime.run(suspendedTaskAwaitedByTwo());
        assertEquals(seen.expected(), seen.actual());
        assertEquals(2, seen.graph().frames().size());
        assertEquals(List.of("waiter", "gathering"), seen.graph().awaitedBy().stream()
                .map(graph -> graph.frames().get(0).getMethodName()).toList());
    }

    @Test
    void aPlainFuture_hasNoFrames_andIsAwaitedByTheTaskWaitingForIt() {
        CallGraph ofGate = VirtualTime.run(suspendedTaskAwaitedByTwo()).ofGate();
        assertEquals(List.of(), ofGate.frames());
        CallGraph leaf = ofGate.awaitedBy().get(0);
        assertEquals(List.of("inner", "leaf"), leaf.frames().stream().map(StackTraceElement::getMethodName).toList());
        assertEquals(2, leaf.awaitedBy().size());
    }

    @Async
    static Coroutine<String> printed() {
        Future<String> gate = getRunningLoop().createFuture();
        Task<String> leaf = createTask(leaf(gate));
        await(sleep(0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printCallGraph(leaf, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(formatCallGraph(leaf), bytes.toString(StandardCharsets.UTF_8));
        leaf.cancel();
        return completed(bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printCallGraph_printsTheFormat() {
        String printed = VirtualTime.run(printed());
        assertEquals(2, printed.lines().filter(line -> line.startsWith("|   at " + CLASS)).count(), printed);
    }

    private static int line(String marker) {
        return SourceLines.of(CallGraphTest.class, marker);
    }
}
