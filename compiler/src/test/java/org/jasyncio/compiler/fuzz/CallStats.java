package org.jasyncio.compiler.fuzz;

import java.util.Locale;

/**
 * How many calls of generated methods the instrumented runs made, by {@link CallShape}, by depth in
 * the call chain (1 is a call made by the method a test runs) and by outcome (the callee, with what
 * it called, completed without suspending, or suspended at least once): what a campaign's report
 * shows to tell that every shape met both outcomes at every depth. Only calls whose body used its
 * trace count (a call whose arguments threw never ran).
 */
final class CallStats {

    /** Depths 1, 2 and 3 have a column each; deeper calls share the last. */
    private static final int DEPTHS = 4;

    private final long[][][] counts = new long[CallShape.values().length][DEPTHS][2];
    private int maxDepth;

    /** Counts the calls of one instrumented run, {@code root} being the trace the test passed. */
    void add(FuzzSupport.Trace root) {
        for (FuzzSupport.Trace callee : root.callees()) {
            if (callee.ran()) {
                counts[callee.shape().ordinal()][Math.min(callee.depth(), DEPTHS) - 1][callee.suspended() ? 1 : 0]++;
                maxDepth = Math.max(maxDepth, callee.depth());
            }
        }
    }

    /** Whether every shape met both outcomes at each of the depths 1, 2 and 3. */
    boolean coversBothOutcomesToDepthThree() {
        for (long[][] shape : counts) {
            for (int depth = 0; depth < DEPTHS - 1; depth++) {
                if (shape[depth][0] == 0 || shape[depth][1] == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A table: a row per shape, a column per depth, each cell "at once / suspended". */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("calls run (at once / suspended), max call depth ").append(maxDepth)
                .append(String.format("%n%-9s %15s %15s %15s %15s", "shape", "depth 1", "depth 2", "depth 3", "deeper"));
        for (CallShape shape : CallShape.values()) {
            out.append(String.format("%n%-9s", shape.name().toLowerCase(Locale.ROOT)));
            for (long[] cell : counts[shape.ordinal()]) {
                out.append(String.format(" %15s", cell[0] + " / " + cell[1]));
            }
        }
        return out.toString();
    }
}
