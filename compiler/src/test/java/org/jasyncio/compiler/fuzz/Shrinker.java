package org.jasyncio.compiler.fuzz;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a failing program greedily, keeping each step only while the same method still fails the
 * same way: first it empties the other methods, removes statements and flattens compound ones into
 * their blocks; then it simplifies expressions in what is left ({@code await(v(t, e))} to
 * {@code (e)}, an awaited call to {@code 0L}, a parenthesised operand to a constant; javac throws
 * out the edits that do not type-check). It prints what is left, only the failing method and the
 * methods it calls, as a Java source file ready to become a regression test.
 */
final class Shrinker {

    private static final int MAX_ATTEMPTS = 600;
    private static final int SHORTEST_OPERAND = 8;
    private static final String EMPTY_RETURN = "return completed(0L);";
    private static final Pattern CALL = Pattern.compile("\\bm(\\d+)\\(t\\b");

    private Shrinker() {
    }

    /** The failure, the seed to reproduce it, and the shrunk program's source. */
    static String report(ProgramGenerator.Program program, long seed, DifferentialRunner.Failure failure) {
        if (failure.kind().equals("generator")) {
            return "the generator wrote a program javac rejects: " + failure.detail();
        }
        ProgramGenerator.Program smallest = shrink(program, seed, failure);
        DifferentialRunner.Failure still = DifferentialRunner.run(smallest, seed).stream()
                .filter(f -> same(f, failure)).findFirst().orElse(failure);
        return "method m" + failure.method() + ", " + failure.kind() + ", trace seed " + seed + ":\n"
                + still.detail() + "\nshrunk program:\n" + source(smallest, failure.method());
    }

    /**
     * The instrumented source of {@code program}, with only {@code method} and what it calls; for a
     * failure of the whole class (-1), every method not emptied and what those call.
     */
    static String source(ProgramGenerator.Program program, int method) {
        List<Integer> pending = new ArrayList<>();
        if (method >= 0) {
            pending.add(method);
        } else {
            for (int i = 0; i < program.methods().size(); i++) {
                if (!isEmptied(program.methods().get(i))) {
                    pending.add(i);
                }
            }
        }
        BitSet needed = new BitSet();
        while (!pending.isEmpty()) {
            int next = pending.remove(pending.size() - 1);
            if (needed.get(next)) {
                continue;
            }
            needed.set(next);
            StringBuilder body = new StringBuilder();
            program.methods().get(next).forEach(stmt -> stmt.print(body, ""));
            Matcher calls = CALL.matcher(body);
            while (calls.find()) {
                pending.add(Integer.parseInt(calls.group(1)));
            }
        }
        return DifferentialRunner.instrumentedSource(program, needed::get);
    }

    static ProgramGenerator.Program shrink(ProgramGenerator.Program program, long seed,
                                           DifferentialRunner.Failure failure) {
        ProgramGenerator.Program current = program;
        int attempts = 0;
        boolean progress = true;
        while (progress && attempts < MAX_ATTEMPTS) {
            progress = false;
            for (ProgramGenerator.Program candidate : candidates(current, failure.method())) {
                if (++attempts > MAX_ATTEMPTS) {
                    break;
                }
                if (DifferentialRunner.run(candidate, seed).stream().anyMatch(f -> same(f, failure))) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static boolean isEmptied(List<Stmt> body) {
        return body.size() == 1 && body.get(0).open().equals(EMPTY_RETURN);
    }

    private static boolean same(DifferentialRunner.Failure found, DifferentialRunner.Failure wanted) {
        return found.kind().equals(wanted.kind()) && found.method() == wanted.method();
    }

    /**
     * Programs one step smaller than {@code program}: first in the other methods, then statements,
     * then expressions.
     */
    private static List<ProgramGenerator.Program> candidates(ProgramGenerator.Program program, int failing) {
        List<ProgramGenerator.Program> candidates = new ArrayList<>();
        List<List<Stmt>> methods = program.methods();
        for (int i = 0; i < methods.size(); i++) {
            if (i != failing && !isEmptied(methods.get(i))) {
                candidates.add(program.withBody(i, List.of(Stmt.line(EMPTY_RETURN))));
            }
        }
        for (int i = 0; i < methods.size(); i++) {
            for (List<Stmt> smaller : smaller(methods.get(i), true)) {
                candidates.add(program.withBody(i, smaller));
            }
        }
        for (int i = 0; i < methods.size(); i++) {
            for (List<Stmt> simpler : simpler(methods.get(i))) {
                candidates.add(program.withBody(i, simpler));
            }
        }
        return candidates;
    }

    /** Each block one step smaller than {@code block}; a method's final return is kept. */
    private static List<List<Stmt>> smaller(List<Stmt> block, boolean methodBody) {
        List<List<Stmt>> variants = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            Stmt stmt = block.get(i);
            if (!(methodBody && i == block.size() - 1)) {
                List<Stmt> without = new ArrayList<>(block);
                without.remove(i);
                variants.add(without);
            }
            if (stmt.isCompound()) {
                List<Stmt> flattened = new ArrayList<>(block.subList(0, i));
                stmt.blocks().forEach(flattened::addAll);
                flattened.addAll(block.subList(i + 1, block.size()));
                variants.add(flattened);
                for (int j = 0; j < stmt.blocks().size(); j++) {
                    for (List<Stmt> child : smaller(stmt.blocks().get(j), false)) {
                        List<Stmt> replaced = new ArrayList<>(block);
                        replaced.set(i, stmt.withBlock(j, child));
                        variants.add(replaced);
                    }
                }
            }
        }
        return variants;
    }

    /** Each block with one expression of one of its statements (at any depth) made simpler. */
    private static List<List<Stmt>> simpler(List<Stmt> block) {
        List<List<Stmt>> variants = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            Stmt stmt = block.get(i);
            for (String open : simpler(stmt.open())) {
                List<Stmt> replaced = new ArrayList<>(block);
                replaced.set(i, new Stmt(open, stmt.blocks(), stmt.joins()));
                variants.add(replaced);
            }
            for (int j = 0; j < stmt.blocks().size(); j++) {
                for (List<Stmt> child : simpler(stmt.blocks().get(j))) {
                    List<Stmt> replaced = new ArrayList<>(block);
                    replaced.set(i, stmt.withBlock(j, child));
                    variants.add(replaced);
                }
            }
        }
        return variants;
    }

    /** {@code text} with one await unwrapped or one parenthesised operand replaced by a constant. */
    static List<String> simpler(String text) {
        List<String> variants = new ArrayList<>();
        for (int at = text.indexOf("await("); at >= 0; at = text.indexOf("await(", at + 1)) {
            int close = closing(text, at + "await".length());
            if (close < 0) {
                continue;
            }
            String awaited = text.substring(at + "await(".length(), close);
            String replacement = unwrap(awaited, "v(t, ");
            if (replacement == null) {
                replacement = unwrap(awaited, "fail(t, ");
            }
            variants.add(text.substring(0, at) + (replacement == null ? "0L" : replacement) + text.substring(close + 1));
        }
        for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
            int close = closing(text, open);
            if (close - open < SHORTEST_OPERAND || !isOperand(text, open)) {
                continue;
            }
            for (String constant : List.of("0L", "true", "\"q\"")) {
                variants.add(text.substring(0, open) + constant + text.substring(close + 1));
            }
        }
        return variants;
    }

    /** {@code (e)} when {@code call} is {@code prefix e)}, else null. */
    private static String unwrap(String call, String prefix) {
        return call.startsWith(prefix) && call.endsWith(")")
                ? "(" + call.substring(prefix.length(), call.length() - 1) + ")" : null;
    }

    /** A parenthesis that opens an operand or a cast, not an argument list or a statement's condition. */
    private static boolean isOperand(String text, int open) {
        int before = open - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        if (before < 0) {
            return false;
        }
        return !Character.isJavaIdentifierPart(text.charAt(before));
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
