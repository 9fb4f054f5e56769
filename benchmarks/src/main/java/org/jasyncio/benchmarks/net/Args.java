package org.jasyncio.benchmarks.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a networking benchmark: options {@code --name value} among the names it
 * knows, and the other words, in order. Immutable once parsed.
 */
final class Args {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    /**
     * Parses {@code args}, with {@code defaults} for the options it knows.
     *
     * @throws IllegalArgumentException for an option it does not know, or one without a value
     */
    Args(String[] args, Map<String, String> defaults) {
        options.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                words.add(args[i]);
                continue;
            }
            String name = args[i].substring(2);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; the options are --"
                        + String.join(", --", Set.copyOf(defaults.keySet())));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value after it");
            }
            options.put(name, args[++i]);
        }
    }

    String get(String name) {
        return options.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(options.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " takes a whole number, not '" + options.get(name) + "'", e);
        }
    }

    /** The words that are no option, or {@code otherwise} when there are none. */
    List<String> words(List<String> otherwise) {
        return words.isEmpty() ? otherwise : List.copyOf(words);
    }
}
