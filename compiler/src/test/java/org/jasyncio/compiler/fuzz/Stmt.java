package org.jasyncio.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a generated method: a line of text, or a compound statement with blocks. The
 * shrinker removes statements and flattens compound ones, so the tree is mutable copy by copy.
 *
 * @param open   the text before the first block ({@code if (c) {}), or the whole line for a simple statement
 * @param blocks the nested blocks, each a list of statements
 * @param joins  the text between blocks and after the last ({@code "} else {"}, {@code "}"})
 */
record Stmt(String open, List<List<Stmt>> blocks, List<String> joins) {

    static Stmt line(String text) {
        return new Stmt(text, List.of(), List.of());
    }

    static Stmt compound(String open, List<List<Stmt>> blocks, List<String> joins) {
        return new Stmt(open, blocks, joins);
    }

    boolean isCompound() {
        return !blocks.isEmpty();
    }

    void print(StringBuilder out, String indent) {
        printLines(out, indent, open);
        for (int i = 0; i < blocks.size(); i++) {
            for (Stmt stmt : blocks.get(i)) {
                stmt.print(out, indent + "    ");
            }
            printLines(out, indent, joins.get(i));
        }
    }

    private static void printLines(StringBuilder out, String indent, String text) {
        for (String line : text.split("\n")) {
            out.append(indent).append(line).append('\n');
        }
    }

    /** A deep copy with {@code block} of this statement replaced. */
    Stmt withBlock(int index, List<Stmt> block) {
        List<List<Stmt>> copy = new ArrayList<>(blocks);
        copy.set(index, block);
        return new Stmt(open, copy, joins);
    }
}
