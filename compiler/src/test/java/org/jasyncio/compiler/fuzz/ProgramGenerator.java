package org.jasyncio.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random {@code @Async} methods from a seed: loops with labelled break and continue,
 * if/else, switches on int, String and enum (classic and arrow), try/catch/finally, try with
 * resources, ternaries, compound assignments, increments, arrays, locals of every primitive type
 * and String, long and double arithmetic, string concatenation, construction with awaits among the
 * arguments, lambdas, anonymous and named local classes capturing locals, early returns and throws,
 * and {@code await} wherever an expression may stand.
 *
 * <p>Every program compiles and terminates: loops are bounded by counters, there is no division, and
 * a method awaits only methods after it, at most once and never in a loop.
 */
final class ProgramGenerator {

    /** A generated class: the bodies of its methods {@code m0 .. m(n-1)}, each a statement list. */
    record Program(List<List<Stmt>> methods) {
    }

    private enum Type { LONG, INT, DOUBLE, STRING, FINAL_LONG, ARRAY, FLOAT, SHORT, BYTE, CHAR, BOOLEAN, COUNTER }

    private record Local(String name, Type type) {
    }

    private final SplittableRandom random;
    private final int methodCount;
    private int method;
    private int names;
    private int callsLeft;
    private final List<List<Local>> scopes = new ArrayList<>();
    private final List<String> loopLabels = new ArrayList<>();
    private int loopDepth;
    private boolean inFinally;

    ProgramGenerator(long seed, int methodCount) {
        this.random = new SplittableRandom(seed);
        this.methodCount = methodCount;
    }

    Program program() {
        List<List<Stmt>> methods = new ArrayList<>();
        for (method = 0; method < methodCount; method++) {
            names = 0;
            callsLeft = 1;
            scopes.clear();
            scopes.add(new ArrayList<>());
            List<Stmt> body = block(0, 3 + random.nextInt(6));
            body.add(Stmt.line("return completed((long) (" + longExpr(2) + "));"));
            methods.add(body);
        }
        return new Program(methods);
    }

    private List<Stmt> block(int depth, int size) {
        List<Stmt> stmts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            stmts.add(statement(depth));
        }
        return stmts;
    }

    private List<Stmt> scoped(int depth, int size, Local... extra) {
        scopes.add(new ArrayList<>(List.of(extra)));
        List<Stmt> stmts = block(depth, size);
        scopes.remove(scopes.size() - 1);
        return stmts;
    }

    private Stmt statement(int depth) {
        int choice = random.nextInt(depth >= 3 ? 10 : 21);
        switch (choice) {
            case 0, 1, 2:
                return declaration();
            case 3, 4:
                return assignment();
            case 5:
                return Stmt.line("t.log(" + longExpr(2) + ");");
            case 6:
                return Stmt.line("t.log(await(v(t, " + longExpr(1) + ")));");
            case 7:
                return returnOrThrow();
            case 8, 9:
                return loopDepth > 0 ? breakOrContinue() : declaration();
            case 10, 11:
                return ifElse(depth);
            case 12, 13:
                return loopDepth < 2 ? loop(depth) : ifElse(depth);
            case 14, 15:
                return switchStatement(depth);
            case 16, 17:
                return tryStatement(depth);
            case 18:
                return tryWithResources(depth);
            case 19:
                return localClass();
            default:
                return Stmt.line("t.log(\"s\" + " + longExpr(2) + " + " + longExpr(1) + ");");
        }
    }

    private Stmt declaration() {
        Type type = Type.values()[random.nextInt(Type.COUNTER.ordinal())];
        String name = switch (type) {
            case LONG -> "l";
            case INT -> "i";
            case DOUBLE -> "d";
            case STRING -> "s";
            case FINAL_LONG -> "c";
            case ARRAY -> "a";
            case FLOAT -> "f";
            case SHORT -> "h";
            case BYTE -> "b";
            case CHAR -> "ch";
            case BOOLEAN -> "z";
            case COUNTER -> "k";
        } + names++;
        String init = longExpr(2);
        String text = switch (type) {
            case LONG -> "long " + name + " = " + init + ";";
            case INT -> "int " + name + " = (int) (long) " + init + ";";
            case DOUBLE -> "double " + name + " = " + init + " * 0.5;";
            case STRING -> "String " + name + " = \"x\" + " + init + ";";
            case FINAL_LONG -> "final long " + name + " = " + init + ";";
            case ARRAY, COUNTER -> "long[] " + name + " = {" + init + ", " + longExpr(1) + ", " + longExpr(1) + "};";
            case FLOAT -> "float " + name + " = " + init + " * 0.25f;";
            case SHORT -> "short " + name + " = (short) (long) " + init + ";";
            case BYTE -> "byte " + name + " = (byte) (long) " + init + ";";
            case CHAR -> "char " + name + " = (char) ('a' + Math.floorMod(" + init + ", 26));";
            case BOOLEAN -> "boolean " + name + " = " + condition(1) + ";";
        };
        scopes.get(scopes.size() - 1).add(new Local(name, type));
        return Stmt.line(text);
    }

    private Stmt assignment() {
        Local local = pick(Type.LONG, Type.INT, Type.DOUBLE, Type.STRING, Type.ARRAY, Type.FLOAT, Type.SHORT,
                Type.BYTE, Type.CHAR, Type.BOOLEAN);
        if (local == null) {
            return declaration();
        }
        String value = longExpr(2);
        return Stmt.line(switch (local.type) {
            case LONG -> switch (random.nextInt(5)) {
                case 0 -> local.name + " = " + value + ";";
                case 1 -> local.name + " += " + value + ";";
                case 2 -> local.name + " *= " + value + ";";
                case 3 -> local.name + " ^= " + value + ";";
                default -> random.nextBoolean() ? local.name + "++;" : "--" + local.name + ";";
            };
            case INT -> random.nextBoolean() ? local.name + " += " + value + ";" : local.name + "--;";
            case DOUBLE -> local.name + " = " + local.name + " * 1.5 + " + value + ";";
            case FLOAT -> local.name + " = " + local.name + " * 0.5f + " + value + ";";
            case SHORT, BYTE -> random.nextBoolean() ? local.name + " += " + value + ";" : local.name + "++;";
            case CHAR -> local.name + " = (char) ('a' + Math.floorMod(" + local.name + " + " + value + ", 26));";
            case BOOLEAN -> random.nextBoolean() ? local.name + " = !" + local.name + ";"
                    : local.name + " = " + condition(1) + ";";
            case STRING -> local.name + " = " + local.name + ".substring(0, Math.min(6, " + local.name
                    + ".length())) + " + value + ";";
            default -> local.name + "[" + index() + "] " + (random.nextBoolean() ? "=" : "+=") + " " + value + ";";
        });
    }

    /** A named local class capturing a local, declared and used in one statement. */
    private Stmt localClass() {
        Local captured = pick(Type.FINAL_LONG);
        String name = "Q" + names++;
        return Stmt.line("class " + name + " { long f(long p) { return p * 2 + " + (captured == null ? "1" : captured.name)
                + "; } } t.log(new " + name + "().f(" + longExpr(2) + "));");
    }

    private Stmt returnOrThrow() {
        String condition = condition(1);
        if (!inFinally && random.nextBoolean()) {
            return Stmt.line("if (" + condition + ") return completed((long) (" + longExpr(1) + "));");
        }
        return Stmt.line("if (" + condition + ") throw new Boom(" + longExpr(1) + ");");
    }

    private Stmt breakOrContinue() {
        String word = random.nextBoolean() ? "break" : "continue";
        String label = random.nextInt(3) == 0 && !loopLabels.isEmpty()
                ? " " + loopLabels.get(random.nextInt(loopLabels.size())) : "";
        return Stmt.line("if (" + condition(1) + ") " + word + label + ";");
    }

    private Stmt ifElse(int depth) {
        String condition = condition(2);
        List<Stmt> then = scoped(depth + 1, 1 + random.nextInt(3));
        if (random.nextBoolean()) {
            return Stmt.compound("if (" + condition + ") {", List.of(then), List.of("}"));
        }
        List<Stmt> otherwise = scoped(depth + 1, 1 + random.nextInt(3));
        return Stmt.compound("if (" + condition + ") {", List.of(then, otherwise), List.of("} else {", "}"));
    }

    private Stmt loop(int depth) {
        String label = "L" + names++;
        String counter = "k" + names++;
        int bound = 1 + random.nextInt(3);
        loopDepth++;
        loopLabels.add(label);
        Stmt loop;
        switch (random.nextInt(4)) {
            case 0 -> {
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), new Local(counter, Type.COUNTER));
                loop = Stmt.compound(label + ": for (int " + counter + " = 0; " + counter + " < " + bound + "; "
                        + counter + "++) {", List.of(body), List.of("}"));
            }
            case 1 -> {
                Local array = pick(Type.ARRAY);
                String source = array == null ? "new long[] {" + longExpr(1) + ", " + longExpr(1) + "}" : array.name;
                String element = "e" + names++;
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), new Local(element, Type.FINAL_LONG));
                loop = Stmt.compound(label + ": for (long " + element + " : " + source + ") {", List.of(body),
                        List.of("}"));
            }
            case 2 -> {
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
                loop = Stmt.compound("{ int " + counter + " = 0; " + label + ": while (" + counter + " < " + bound
                        + ") { " + counter + "++;", List.of(body), List.of("} }"));
            }
            default -> {
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
                loop = Stmt.compound("{ int " + counter + " = 0; " + label + ": do { " + counter + "++;",
                        List.of(body), List.of("} while (" + counter + " < " + bound + "); }"));
            }
        }
        loopLabels.remove(loopLabels.size() - 1);
        loopDepth--;
        return loop;
    }

    private Stmt switchStatement(int depth) {
        int kind = random.nextInt(4);
        boolean arrow = random.nextBoolean();
        String selector;
        List<String> cases;
        switch (kind) {
            case 0 -> {
                selector = "\"k\" + Math.floorMod(" + longExpr(2) + ", 3)";
                cases = List.of("\"k0\"", "\"k1\"");
            }
            case 1 -> {
                selector = "Color.values()[(int) Math.floorMod(" + longExpr(2) + ", 3)]";
                cases = List.of("RED", "GREEN");
            }
            default -> {
                selector = "(int) Math.floorMod(" + longExpr(2) + ", 4)";
                cases = List.of("0", "1", "2");
            }
        }
        List<List<Stmt>> blocks = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        String open = "switch (" + selector + ") {";
        for (int i = 0; i <= cases.size(); i++) {
            String label = i < cases.size() ? "case " + cases.get(i) : "default";
            String head = arrow ? label + " -> {" : label + ": {";
            if (i == 0) {
                open += "\n" + head;
            }
            blocks.add(scoped(depth + 1, 1 + random.nextInt(2)));
            String end = arrow || random.nextInt(3) == 0 ? "}" : "} break;";
            String next = i + 1 < cases.size() ? "case " + cases.get(i + 1) : "default";
            joins.add(i < cases.size() ? end + "\n" + (arrow ? next + " -> {" : next + ": {") : end + "\n}");
        }
        return Stmt.compound(open, blocks, joins);
    }

    private Stmt tryStatement(int depth) {
        List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
        boolean withCatch = random.nextInt(3) > 0;
        boolean withFinally = !withCatch || random.nextBoolean();
        List<List<Stmt>> blocks = new ArrayList<>(List.of(body));
        List<String> joins = new ArrayList<>();
        if (withCatch) {
            String name = "x" + names++;
            joins.add("} catch (Boom " + name + ") {");
            List<Stmt> handler = new ArrayList<>();
            handler.add(Stmt.line("t.log(\"caught \" + " + name + ".code);"));
            handler.addAll(scoped(depth + 1, random.nextInt(2)));
            blocks.add(handler);
        }
        if (withFinally) {
            joins.add("} finally {");
            boolean outer = inFinally;
            inFinally = true;
            blocks.add(scoped(depth + 1, 1 + random.nextInt(2)));
            inFinally = outer;
        }
        joins.add("}");
        return Stmt.compound("try {", blocks, joins);
    }

    private Stmt tryWithResources(int depth) {
        String name = "r" + names++;
        List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), new Local(name + ".id", Type.FINAL_LONG));
        return Stmt.compound("try (Res " + name + " = new Res(t, " + longExpr(1) + ")) {", List.of(body),
                List.of("}"));
    }

    private String condition(int depth) {
        return switch (random.nextInt(depth <= 0 ? 2 : 5)) {
            case 0 -> "(" + longExpr(depth) + " > " + longExpr(depth) + ")";
            case 1 -> "(Math.floorMod(" + longExpr(depth) + ", 2) == 0)";
            case 2 -> "(" + condition(depth - 1) + " && " + condition(depth - 1) + ")";
            case 3 -> "(" + condition(depth - 1) + " || " + condition(depth - 1) + ")";
            default -> "!" + condition(depth - 1);
        };
    }

    private String longExpr(int depth) {
        if (depth <= 0) {
            return leaf();
        }
        int choice = random.nextInt(18);
        return switch (choice) {
            case 0, 1, 2 -> leaf();
            case 3, 4, 5 -> "await(v(t, " + longExpr(depth - 1) + "))";
            case 6 -> awaitCall(depth);
            case 7 -> "(" + longExpr(depth - 1) + " " + "+-*^&|".charAt(random.nextInt(6)) + " "
                    + longExpr(depth - 1) + ")";
            case 8 -> "(" + condition(depth - 1) + " ? " + longExpr(depth - 1) + " : " + longExpr(depth - 1) + ")";
            case 9 -> "new Box(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ").sum()";
            case 10 -> "mix(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 11 -> "(\"s\" + " + longExpr(depth - 1) + " + " + longExpr(depth - 1) + ").length()";
            case 12 -> lambda(depth);
            case 13 -> "await(fail(t, " + longExpr(depth - 1) + "))";
            case 14 -> mutation(depth);
            default -> "(" + longExpr(depth - 1) + " + " + leaf() + ")";
        };
    }

    private String awaitCall(int depth) {
        if (callsLeft == 0 || loopDepth > 0 || method + 1 >= methodCount) {
            return "await(v(t, " + longExpr(depth - 1) + "))";
        }
        callsLeft--;
        int callee = method + 1 + random.nextInt(Math.min(3, methodCount - method - 1));
        return "await(m" + callee + "(t))";
    }

    private String lambda(int depth) {
        Local captured = pick(Type.FINAL_LONG);
        String free = captured == null ? "3" : captured.name;
        if (random.nextBoolean()) {
            return "((LongUnaryOperator) x -> x * 3 + " + free + ").applyAsLong(" + longExpr(depth - 1) + ")";
        }
        return "new LongBinaryOperator() { public long applyAsLong(long p, long q) { return p - q + " + free
                + "; } }.applyAsLong(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
    }

    private String mutation(int depth) {
        Local local = pick(Type.LONG);
        if (local == null) {
            return leaf();
        }
        return switch (random.nextInt(3)) {
            case 0 -> "(" + local.name + "++)";
            case 1 -> "(--" + local.name + ")";
            default -> "(" + local.name + " += " + longExpr(depth - 1) + ")";
        };
    }

    private String leaf() {
        return leaf(Type.values());
    }

    private String leaf(Type... types) {
        Local local = random.nextInt(3) == 0 ? null : pick(types);
        if (local == null) {
            return random.nextInt(8) == 0 ? "5_000_000_000L" : String.valueOf(random.nextInt(-3, 10)) + "L";
        }
        return switch (local.type) {
            case LONG, FINAL_LONG -> local.name;
            case INT, DOUBLE, COUNTER, FLOAT, SHORT, BYTE, CHAR -> "(long) " + local.name;
            case BOOLEAN -> "(" + local.name + " ? 1L : 0L)";
            case STRING -> local.name + ".length()";
            case ARRAY -> local.name + "[" + index() + "]";
        };
    }

    private String index() {
        return "(int) Math.floorMod(" + leaf(Type.LONG, Type.INT, Type.FINAL_LONG, Type.COUNTER) + ", 3)";
    }

    private Local pick(Type... types) {
        List<Local> candidates = new ArrayList<>();
        for (List<Local> scope : scopes) {
            for (Local local : scope) {
                for (Type type : types) {
                    if (local.type == type) {
                        candidates.add(local);
                    }
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
