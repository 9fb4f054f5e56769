package org.jasyncio.benchmarks.net;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jasyncio.benchmarks.VirtualThreadWorkloads;

/**
 * What the networking benchmarks' drivers share: which alternatives this JVM can run, the command
 * line of an alternative's child JVM, and the cells of their tables. Stateless.
 */
final class Runs {

    private Runs() {
    }

    /**
     * Whether this JVM can run alternative {@code kind}: a virtual-thread one needs JDK
     * {@value VirtualThreadWorkloads#FIRST_JDK} or newer; if it cannot, says so on {@code out}.
     */
    static boolean canRun(String kind, PrintStream out) {
        if (kind.contains("virtual-threads") && !VirtualThreadWorkloads.available()) {
            out.println("Skipping " + kind + ": it needs JDK " + VirtualThreadWorkloads.FIRST_JDK
                    + " or newer, and this is JDK " + Runtime.version() + ".");
            return false;
        }
        return true;
    }

    /** The arguments of a child that runs alternative {@code kind}: {@code options} as given to us, then {@code --child kind}. */
    static List<String> childArguments(Args args, List<String> options, String kind) {
        List<String> arguments = new ArrayList<>();
        for (String option : options) {
            arguments.add("--" + option);
            arguments.add(args.get(option));
        }
        arguments.add("--child");
        arguments.add(kind);
        return arguments;
    }

    /** Figure {@code row} of alternative {@code kind}, or {@code NaN} if it did not run. */
    static double cell(Map<String, double[]> results, String kind, int row) {
        double[] figures = results.get(kind);
        return figures == null ? Double.NaN : figures[row];
    }
}
