package org.jasyncio.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing program: greedily removes statements, flattens compound ones into their blocks
 * and empties the other methods, keeping each step only while the same method still fails the same
 * way, then prints what is left as a Java source file ready to become a regression test.
 */
final class Shrinker {

    private static final int MAX_ATTEMPTS = 400;
    private static final String EMPTY_RETURN = "return completed(0L);";

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
                + still.detail() + "\nshrunk program:\n" + DifferentialRunner.instrumentedSource(smallest);
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

    private static boolean same(DifferentialRunner.Failure found, DifferentialRunner.Failure wanted) {
        return found.kind().equals(wanted.kind()) && found.method() == wanted.method();
    }

    /** Programs one step smaller than {@code program}: first in the other methods, then in the failing one. */
    private static List<ProgramGenerator.Program> candidates(ProgramGenerator.Program program, int failing) {
        List<ProgramGenerator.Program> candidates = new ArrayList<>();
        List<List<Stmt>> methods = program.methods();
        for (int i = 0; i < methods.size(); i++) {
            boolean emptied = methods.get(i).size() == 1 && methods.get(i).get(0).open().equals(EMPTY_RETURN);
            if (i != failing && !emptied) {
                candidates.add(replace(program, i, List.of(Stmt.line(EMPTY_RETURN))));
            }
        }
        for (int i = 0; i < methods.size(); i++) {
            for (List<Stmt> smaller : smaller(methods.get(i), true)) {
                candidates.add(replace(program, i, smaller));
            }
        }
        return candidates;
    }

    private static ProgramGenerator.Program replace(ProgramGenerator.Program program, int index, List<Stmt> body) {
        return program.withBody(index, body);
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
}
