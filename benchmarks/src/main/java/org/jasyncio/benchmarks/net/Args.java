package org.jasyncio.benchmarks.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The command line of a networking benchmark: options {@code --name value} among the names it
 * knows, and the other words, in order. Immutable once parsed.
 */
final class Args {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    /**
     * Parses {@code args}; {@code defaults} names the options it knows, each followed by its default
     * value.
     *
     * @throws IllegalArgumentException for an option it does not know, or one without a value
     */
    Args(String[] args, String... defaults) {
        if (defaults.length % 2 != 0) {
            throw new IllegalArgumentException("defaults come in pairs of a name and a value: " + List.of(defaults));
        }
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                words.add(args[i]);
                continue;
            }
            String name = args[i].substring(2);
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; the options are --"
                        + String.join(", --", new TreeSet<>(options.keySet())));
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
