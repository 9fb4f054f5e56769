package org.jasyncio.benchmarks.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown table as BENCHMARKS.md shows them: a first column of text, the others right-aligned
 * figures. Not thread-safe.
 */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; it must have as many cells as the header. */
    void add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of "
                    + header.size() + " columns: " + cells);
        }
        rows.add(List.copyOf(cells));
    }

    /** A figure with thousands separators, and two decimals below 100; "n/a" for {@code NaN}. */
    static String figure(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(value) < 100 ? "%,.2f" : "%,.0f", value);
    }

    /** A ratio with three decimals; "n/a" if either side is missing. */
    static String ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f", numerator / denominator);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("| ").append(String.join(" | ", header)).append(" |\n|---|");
        text.append("---:|".repeat(header.size() - 1)).append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return text.toString();
    }
}
