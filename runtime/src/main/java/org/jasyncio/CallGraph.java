package org.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jasyncio.internal.AsyncStackTraces;

/**
 * Where a future's task is suspended and which tasks await it, as Python 3.14's
 * {@code asyncio.graph.FutureCallGraph}. Made by {@link Asyncio#captureCallGraph}; a snapshot, not
 * updated afterwards.
 *
 * <p>{@link #frames()} lists, innermost first, where each {@code @Async} method of the task is
 * suspended: class, method, source file and the line of its {@code await} (a frame not yet started
 * shows its first line). A future that is not a task, or a task that is done, has none; the
 * runtime's own coroutines ({@code sleep}, {@code gather}, ...) do not show. {@link #awaitedBy()}
 * holds a graph for each task that awaits the future: directly, or through a {@code gather}. A task
 * that is already in the graph is not repeated, so a cycle of tasks awaiting each other ends.
 *
 * <p>The frames of the task that captures its own graph are where it last suspended, not the line
 * that is running.
 *
 * @param future    the future or task this graph is of
 * @param frames    where each of its frames is suspended, innermost first
 * @param awaitedBy the graphs of the tasks that await it
 */
public record CallGraph(Future<?> future, List<StackTraceElement> frames, List<CallGraph> awaitedBy) {

    public CallGraph {
        Objects.requireNonNull(future, "future");
        frames = List.copyOf(frames);
        awaitedBy = List.copyOf(awaitedBy);
    }

    /** The graph of {@code future}; on its loop's thread. */
    static CallGraph capture(Future<?> future) {
        Objects.requireNonNull(future, "future");
        future.loop.checkThread("Asyncio.captureCallGraph");
        return capture(future, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static CallGraph capture(Future<?> future, Set<Future<?>> seen) {
        seen.add(future);
        List<StackTraceElement> frames = future instanceof Task<?> task
                ? AsyncStackTraces.suspendedFrames(task) : List.of();
        List<CallGraph> awaitedBy = new ArrayList<>();
        for (Task<?> waiting : future.awaitingTasks()) {
            if (!seen.contains(waiting)) {
                awaitedBy.add(capture(waiting, seen));
            }
        }
        return new CallGraph(future, frames, awaitedBy);
    }

    /**
     * This graph as text, in the layout of Python's {@code format_call_graph}:
     * <pre>
     * * Task[Crawler.fetch, pending]
     * + Call stack:
     * |   at app.Crawler.fetch(Crawler.java:31)
     * + Awaited by:
     *    * Task[Crawler.main, pending]
     *       + Call stack:
     *       |   at app.Crawler.main(Crawler.java:70)
     * </pre>
     * Each line ends with a line separator ({@code \n}).
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        format(out, "", "");
        return out.toString();
    }

    /** Writes this graph with its {@code *} line after {@code head} and its other lines after {@code body}. */
    private void format(StringBuilder out, String head, String body) {
        out.append(head).append("* ").append(future).append('\n');
        if (!frames.isEmpty()) {
            out.append(body).append("+ Call stack:\n");
            for (StackTraceElement frame : frames) {
                out.append(body).append("|   at ").append(frame).append('\n');
            }
        }
        if (!awaitedBy.isEmpty()) {
            out.append(body).append("+ Awaited by:\n");
            for (CallGraph waiting : awaitedBy) {
                waiting.format(out, body + "   ", body + "      ");
            }
        }
    }
}
