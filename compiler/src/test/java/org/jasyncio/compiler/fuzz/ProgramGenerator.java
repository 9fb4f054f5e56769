package org.jasyncio.compiler.fuzz;

import org.jasyncio.compiler.fuzz.ExpressionGenerator.Local;
import org.jasyncio.compiler.fuzz.ExpressionGenerator.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random {@code @Async} methods from a seed: static and instance methods, of a class and
 * of an interface (default, static, private), with parameters
 * of several types (varargs too), loops (for,
 * for-each over arrays and lists, while, do) with labelled break and continue, labelled blocks,
 * if/else, switch statements and expressions on int, String and enum (classic and arrow), nested
 * try/catch/finally, multi-catch, try with one or two resources (closing may fail, suppressed),
 * compound assignments to locals, array elements and fields, increments, locals of every primitive
 * type and String, early returns (of a value or of another coroutine) and throws, with the
 * expressions of {@link ExpressionGenerator}, {@code await} among them wherever one may stand, and
 * a later method's coroutine held in a local or a field, awaited by the statement right after.
 *
 * <p>Every program compiles and terminates: loops are bounded by counters, and a method awaits
 * only methods after it, at most once and never in a loop.
 */
final class ProgramGenerator {

    /** A generated class: its methods {@code m0 .. m(n-1)}, each static or not, and their bodies. */
    record Program(List<Signature> signatures, List<List<Stmt>> methods) {

        Program withBody(int index, List<Stmt> body) {
            List<List<Stmt>> copy = new ArrayList<>(methods);
            copy.set(index, body);
            return new Program(signatures, copy);
        }
    }

    private static final int WIDE_LOCALS = 130;
    /**
     * How a method plans its call of a later method, so that call chains of depth 3 and more are
     * common: a plan below the body's size puts a call statement there, {@link #RETURN_A_CALL}
     * returns a call, a larger one leaves calls to chance.
     */
    private static final int CALL_PLANS = 10;
    private static final int RETURN_A_CALL = CALL_PLANS - 1;

    private final SplittableRandom random;
    private final int methodCount;
    private ExpressionGenerator x;
    private final List<String> loopLabels = new ArrayList<>();
    private final List<String> blockLabels = new ArrayList<>();
    private int tryDepth;
    private boolean inFinally;

    ProgramGenerator(long seed, int methodCount) {
        this.random = new SplittableRandom(seed);
        this.methodCount = methodCount;
    }

    Program program() {
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < methodCount; i++) {
            Signature.Home home = Signature.Home.values()[random.nextInt(6) < 4 ? random.nextInt(2) : 2 + random.nextInt(2)];
            signatures.add(new Signature(home, random.nextBoolean() ? 0 : random.nextInt(Signature.ALL + 1),
                    random.nextInt(3) == 0));
        }
        x = new ExpressionGenerator(random, signatures);
        List<List<Stmt>> methods = new ArrayList<>();
        for (int method = 0; method < methodCount; method++) {
            x.startMethod(method);
            int size = 3 + random.nextInt(6);
            int plan = random.nextInt(CALL_PLANS);
            List<Stmt> body = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                body.add(i == plan ? callStatement() : statement(0));
            }
            String call = plan == RETURN_A_CALL || random.nextInt(5) == 0 ? x.call(CallShape.RETURNED) : null;
            body.add(Stmt.line(call != null ? "return " + call + ";"
                    : "return completed((long) (" + x.longExpr(2) + "));"));
            methods.add(body);
        }
        return new Program(signatures, methods);
    }

    private List<Stmt> block(int depth, int size) {
        List<Stmt> stmts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            stmts.add(statement(depth));
        }
        return stmts;
    }

    private List<Stmt> scoped(int depth, int size, Local... extra) {
        x.openScope(extra);
        List<Stmt> stmts = block(depth, size);
        x.closeScope();
        return stmts;
    }

    private Stmt statement(int depth) {
        switch (random.nextInt(depth >= 3 ? 11 : 27)) {
            case 0, 1, 2:
                return declaration();
            case 3, 4:
                return assignment();
            case 5:
                return Stmt.line("t.log(" + x.longExpr(2) + ");");
            case 6:
                return Stmt.line("t.log(" + (random.nextBoolean() ? x.stringExpr(2) : x.doubleExpr(2)) + ");");
            case 7:
                return returnOrThrow();
            case 8, 9:
                return loopDepthOrBlock() ? breakOrContinue() : declaration();
            case 10:
                return x.inInstanceMethod() ? fieldAssignment() : assignment();
            case 11, 12:
                return ifElse(depth);
            case 13, 14:
                return x.loopDepth < 2 ? loop(depth) : ifElse(depth);
            case 15, 16:
                return switchStatement(depth);
            case 17, 18:
                return tryStatement(depth);
            case 19:
                return tryWithResources(depth);
            case 20:
                return localClass();
            case 21:
                return labelledBlock(depth);
            case 22:
                return switchAssignment();
            case 23:
                return depth == 0 && random.nextInt(3) == 0 ? wideLocals() : Stmt.line("t.log(" + x.longExpr(3) + ");");
            case 24:
                return Stmt.line(random.nextBoolean() ? "await(pause(t));" : "await(completed());");
            case 25:
                return heldCall();
            default:
                return Stmt.line("t.log(\"s\" + " + x.longExpr(2) + " + " + x.longExpr(1) + ");");
        }
    }

    private boolean loopDepthOrBlock() {
        return x.loopDepth > 0 || !blockLabels.isEmpty();
    }

    private Stmt declaration() {
        Type type = Type.values()[random.nextInt(Type.COUNTER.ordinal())];
        String name = switch (type) {
            case LONG -> x.fresh("l");
            case INT -> x.fresh("i");
            case DOUBLE -> x.fresh("d");
            case STRING -> x.fresh("s");
            case FINAL_LONG -> x.fresh("c");
            case ARRAY, COUNTER -> x.fresh("a");
            case FLOAT -> x.fresh("f");
            case SHORT -> x.fresh("h");
            case BYTE -> x.fresh("b");
            case CHAR -> x.fresh("ch");
            case BOOLEAN -> x.fresh("z");
            case INT_ARRAY -> x.fresh("ia");
            case DOUBLE_ARRAY -> x.fresh("da");
            case STRING_ARRAY -> x.fresh("sa");
            case FINAL_STRING -> x.fresh("fs");
        };
        String init = x.longExpr(2);
        String text = switch (type) {
            case LONG -> "long " + name + " = " + init + ";";
            case INT -> "int " + name + " = " + x.intExpr(2) + ";";
            case DOUBLE -> "double " + name + " = " + x.doubleExpr(2) + ";";
            case STRING -> "String " + name + " = " + (random.nextBoolean() ? "\"x\" + " + init : x.stringExpr(2)) + ";";
            case FINAL_LONG -> "final long " + name + " = " + init + ";";
            case ARRAY, COUNTER -> "long[] " + name + " = {" + init + ", " + x.longExpr(1) + ", " + x.longExpr(1) + "};";
            case FLOAT -> "float " + name + " = " + init + " * 0.25f;";
            case SHORT -> "short " + name + " = (short) (int) " + x.intExpr(2) + ";";
            case BYTE -> "byte " + name + " = (byte) (long) " + init + ";";
            case CHAR -> "char " + name + " = (char) ('a' + Math.floorMod(" + init + ", 26));";
            case BOOLEAN -> "boolean " + name + " = " + x.condition(2) + ";";
            case INT_ARRAY -> "int[] " + name + " = {" + x.intExpr(2) + ", " + x.intExpr(1) + ", 1};";
            case DOUBLE_ARRAY -> "double[] " + name + " = new double[] {" + x.doubleExpr(2) + ", 0.5, " + x.doubleExpr(1) + "};";
            case STRING_ARRAY -> "String[] " + name + " = {" + x.stringExpr(1) + ", \"a\", " + x.stringExpr(2) + "};";
            case FINAL_STRING -> "String " + name + " = " + x.stringExpr(2) + ";";
        };
        x.declare(new Local(name, type));
        return Stmt.line(text);
    }

    private Stmt assignment() {
        Local local = x.pick(Type.LONG, Type.INT, Type.DOUBLE, Type.STRING, Type.ARRAY, Type.FLOAT, Type.SHORT,
                Type.BYTE, Type.CHAR, Type.BOOLEAN, Type.INT_ARRAY, Type.DOUBLE_ARRAY, Type.STRING_ARRAY);
        if (local == null) {
            return declaration();
        }
        String name = local.name();
        String value = x.longExpr(2);
        return Stmt.line(switch (local.type()) {
            case LONG -> switch (random.nextInt(7)) {
                case 0 -> name + " = " + value + ";";
                case 1 -> name + " += " + value + ";";
                case 2 -> name + " *= " + value + ";";
                case 3 -> name + " ^= " + value + ";";
                case 4 -> name + " <<= " + x.intExpr(1) + ";";
                case 5 -> name + " /= " + value + ";";
                default -> random.nextBoolean() ? name + "++;" : "--" + name + ";";
            };
            case INT -> switch (random.nextInt(3)) {
                case 0 -> name + " += " + value + ";";
                case 1 -> name + " -= " + x.intExpr(2) + ";";
                default -> name + "--;";
            };
            case DOUBLE -> random.nextBoolean() ? name + " = " + name + " * 1.5 + " + value + ";"
                    : name + " *= " + x.doubleExpr(2) + ";";
            case FLOAT -> name + " = " + name + " * 0.5f + " + value + ";";
            case SHORT, BYTE -> random.nextBoolean() ? name + " += " + value + ";" : name + "++;";
            case CHAR -> random.nextBoolean() ? name + " = (char) ('a' + Math.floorMod(" + name + " + " + value + ", 26));"
                    : name + " += (char) Math.floorMod(" + value + ", 2);";
            case BOOLEAN -> switch (random.nextInt(3)) {
                case 0 -> name + " = !" + name + ";";
                case 1 -> name + " &= " + x.condition(1) + ";";
                default -> name + " = " + x.condition(2) + ";";
            };
            case STRING -> random.nextBoolean()
                    ? name + " = " + name + ".substring(0, Math.min(6, " + name + ".length())) + " + value + ";"
                    : name + " += " + x.stringExpr(1) + ";";
            case INT_ARRAY -> random.nextBoolean() ? name + "[" + x.index(1) + "] += " + x.intExpr(2) + ";"
                    : name + "[" + x.index(1) + "]++;";
            case DOUBLE_ARRAY -> name + "[" + x.index(1) + "] *= " + x.doubleExpr(2) + ";";
            case STRING_ARRAY -> name + "[" + x.index(1) + "] += " + x.stringExpr(2) + ";";
            default -> name + "[" + x.index(random.nextInt(2)) + "] " + (random.nextBoolean() ? "=" : "+=") + " "
                    + value + ";";
        });
    }

    /** In an instance method: a compound assignment to a field, the receiver on the stack across awaits. */
    private Stmt fieldAssignment() {
        String value = x.longExpr(2);
        return Stmt.line(switch (random.nextInt(4)) {
            case 0 -> "fld += " + value + ";";
            case 1 -> "this.fld = fld * 3 + " + value + ";";
            case 2 -> "arr[" + x.index(1) + "] -= " + value + ";";
            default -> "this.fld ^= " + value + ";";
        });
    }

    /** A local assigned a switch expression as a whole: javac starts it on an empty stack, so arms may hold a try. */
    private Stmt switchAssignment() {
        Local local = x.pick(Type.LONG, Type.STRING);
        if (local == null) {
            String name = x.fresh("l");
            Stmt stmt = Stmt.line("long " + name + " = " + x.switchExpr("long", 2, true) + ";");
            x.declare(new Local(name, Type.LONG));
            return stmt;
        }
        String type = local.type() == Type.LONG ? "long" : "String";
        return Stmt.line(local.name() + " = " + x.switchExpr(type, 2, true) + ";");
    }

    /**
     * Enough locals that the ones declared after them live in slots above 255, which the JVM reaches
     * only with {@code wide} loads, stores and increments; the last two stay in use.
     */
    private Stmt wideLocals() {
        String base = x.fresh("w");
        StringBuilder text = new StringBuilder("long ");
        for (int i = 0; i < WIDE_LOCALS; i++) {
            text.append(i == 0 ? "" : ", ").append(base).append('_').append(i).append(" = ").append(i).append('L');
        }
        x.declare(new Local(base + "_" + (WIDE_LOCALS - 1), Type.LONG));
        x.declare(new Local(base + "_" + (WIDE_LOCALS - 2), Type.LONG));
        return Stmt.line(text.append(';').toString());
    }

    /** A statement awaiting a later method's call, in any shape but returned. */
    private Stmt callStatement() {
        if (random.nextInt(3) == 0) {
            return heldCall();
        }
        String call = x.awaitedCall(1);
        return call == null ? statement(0) : awaitedFirst("", call);
    }

    /**
     * A later method's coroutine held in a local or a field of {@code Program}, and awaited by the
     * next statement before anything else runs (in the reference, the call ran the body already).
     */
    private Stmt heldCall() {
        boolean local = random.nextBoolean();
        String call = x.call(local ? CallShape.LOCAL : CallShape.FIELD);
        if (call == null) {
            return declaration();
        }
        String holder = local ? x.fresh("co") : x.heldField();
        String hold = local ? (random.nextBoolean() ? "var " : "Coroutine<Long> ") + holder + " = " + call + ";"
                : holder + " = " + call + ";";
        return awaitedFirst(hold + "\n", "await(" + holder + ")");
    }

    /** {@code before}, then a statement that evaluates {@code awaited} first: logs it, or declares a local of it. */
    private Stmt awaitedFirst(String before, String awaited) {
        if (random.nextBoolean()) {
            return Stmt.line(before + "t.log(" + awaited + ");");
        }
        String name = x.fresh("l");
        Stmt stmt = Stmt.line(before + "long " + name + " = " + awaited + " " + "+-*^".charAt(random.nextInt(4)) + " "
                + x.longExpr(1) + ";");
        x.declare(new Local(name, Type.LONG));
        return stmt;
    }

    /** A named local class capturing a local, declared and used in one statement. */
    private Stmt localClass() {
        Local captured = x.pick(Type.FINAL_LONG);
        String name = x.fresh("Q");
        return Stmt.line("class " + name + " { long f(long p) { return p * 2 + " + (captured == null ? "1" : captured.name())
                + "; } } t.log(new " + name + "().f(" + x.longExpr(2) + "));");
    }

    private Stmt returnOrThrow() {
        String condition = x.condition(1);
        if (!inFinally && random.nextBoolean()) {
            String call = tryDepth == 0 && random.nextInt(3) == 0 ? x.call(CallShape.RETURNED) : null;
            return Stmt.line("if (" + condition + ") return " + (call != null ? call
                    : "completed((long) (" + x.longExpr(1) + "))") + ";");
        }
        return Stmt.line("if (" + condition + ") throw new Boom(" + x.longExpr(1) + ");");
    }

    private Stmt breakOrContinue() {
        if (x.loopDepth == 0 || (!blockLabels.isEmpty() && random.nextInt(3) == 0)) {
            return Stmt.line("if (" + x.condition(1) + ") break " + blockLabels.get(random.nextInt(blockLabels.size())) + ";");
        }
        String word = random.nextBoolean() ? "break" : "continue";
        String label = random.nextInt(3) == 0 ? " " + loopLabels.get(random.nextInt(loopLabels.size())) : "";
        return Stmt.line("if (" + x.condition(1) + ") " + word + label + ";");
    }

    private Stmt ifElse(int depth) {
        String condition = x.condition(2);
        List<Stmt> then = scoped(depth + 1, 1 + random.nextInt(3));
        if (random.nextBoolean()) {
            return Stmt.compound("if (" + condition + ") {", List.of(then), List.of("}"));
        }
        List<Stmt> otherwise = scoped(depth + 1, 1 + random.nextInt(3));
        return Stmt.compound("if (" + condition + ") {", List.of(then, otherwise), List.of("} else {", "}"));
    }

    private Stmt labelledBlock(int depth) {
        String label = x.fresh("B");
        blockLabels.add(label);
        List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
        blockLabels.remove(blockLabels.size() - 1);
        return Stmt.compound(label + ": {", List.of(body), List.of("}"));
    }

    private Stmt loop(int depth) {
        String label = x.fresh("L");
        String counter = x.fresh("k");
        int bound = 1 + random.nextInt(3);
        x.loopDepth++;
        loopLabels.add(label);
        Stmt loop;
        switch (random.nextInt(5)) {
            case 0 -> {
                String step = random.nextBoolean() ? counter + "++" : counter + " += await(v(t, 1))";
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), new Local(counter, Type.COUNTER));
                loop = Stmt.compound(label + ": for (int " + counter + " = 0; " + counter + " < " + bound + "; "
                        + step + ") {", List.of(body), List.of("}"));
            }
            case 1 -> {
                Local array = x.pick(Type.ARRAY);
                String source = array == null ? "new long[] {" + x.longExpr(1) + ", " + x.longExpr(1) + "}" : array.name();
                String element = x.fresh("e");
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), new Local(element, Type.FINAL_LONG));
                loop = Stmt.compound(label + ": for (long " + element + " : " + source + ") {", List.of(body),
                        List.of("}"));
            }
            case 2 -> {
                String element = x.fresh("e");
                String source = "List.of((long) (" + x.longExpr(1) + "), (long) (" + x.longExpr(1) + "), (long) ("
                        + x.longExpr(1) + "))";
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), new Local(element, Type.FINAL_LONG));
                loop = Stmt.compound(label + ": for (final long " + element + " : " + source + ") {", List.of(body),
                        List.of("}"));
            }
            case 3 -> {
                String extra = random.nextBoolean() ? "" : " && " + x.condition(1);
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
                loop = Stmt.compound("{ int " + counter + " = 0; " + label + ": while (" + counter + " < " + bound
                        + extra + ") { " + counter + "++;", List.of(body), List.of("} }"));
            }
            default -> {
                List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
                loop = Stmt.compound("{ int " + counter + " = 0; " + label + ": do { " + counter + "++;",
                        List.of(body), List.of("} while (" + counter + " < " + bound + "); }"));
            }
        }
        loopLabels.remove(loopLabels.size() - 1);
        x.loopDepth--;
        return loop;
    }

    private Stmt switchStatement(int depth) {
        String selector;
        List<String> cases;
        switch (random.nextInt(4)) {
            case 0 -> {
                selector = "\"k\" + Math.floorMod(" + x.longExpr(2) + ", 3)";
                cases = List.of("\"k0\"", "\"k1\"");
            }
            case 1 -> {
                selector = "Color.values()[Math.floorMod(" + x.longExpr(2) + ", 3)]";
                cases = List.of("RED", "GREEN");
            }
            default -> {
                selector = "Math.floorMod(" + x.longExpr(2) + ", 4)";
                cases = List.of("0", "1", "2");
            }
        }
        boolean arrow = random.nextBoolean();
        List<List<Stmt>> blocks = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        String open = "switch (" + selector + ") {\n" + (arrow ? "case " + cases.get(0) + " -> {" : "case " + cases.get(0) + ": {");
        for (int i = 0; i <= cases.size(); i++) {
            blocks.add(scoped(depth + 1, 1 + random.nextInt(2)));
            String end = arrow || random.nextInt(3) == 0 ? "}" : "} break;";
            String next = i + 1 < cases.size() ? "case " + cases.get(i + 1) : "default";
            joins.add(i < cases.size() ? end + "\n" + (arrow ? next + " -> {" : next + ": {") : end + "\n}");
        }
        return Stmt.compound(open, blocks, joins);
    }

    private Stmt tryStatement(int depth) {
        tryDepth++;
        List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3));
        boolean withCatch = random.nextInt(3) > 0;
        boolean withFinally = !withCatch || random.nextBoolean();
        List<List<Stmt>> blocks = new ArrayList<>(List.of(body));
        List<String> joins = new ArrayList<>();
        if (withCatch) {
            String name = x.fresh("x");
            List<Stmt> handler = new ArrayList<>();
            switch (random.nextInt(3)) {
                case 0 -> {
                    joins.add("} catch (Boom " + name + ") {");
                    handler.add(Stmt.line("t.log(\"caught \" + " + name + ".code + \" \" + " + name
                            + ".getSuppressed().length);"));
                }
                case 1 -> {
                    joins.add("} catch (Boom | ArithmeticException " + name + ") {");
                    handler.add(Stmt.line("t.log(" + name + ");"));
                }
                default -> {
                    joins.add("} catch (ArithmeticException " + name + ") {");
                    handler.add(Stmt.line("t.log(" + name + ".getMessage());"));
                }
            }
            handler.add(Stmt.line("t.log(" + x.leaf() + ");"));
            handler.addAll(scoped(depth + 1, random.nextInt(2)));
            blocks.add(handler);
        }
        tryDepth--;
        if (withFinally) {
            joins.add("} finally {");
            boolean outer = inFinally;
            inFinally = true;
            List<Stmt> cleanup = new ArrayList<>(List.of(Stmt.line("t.log(" + x.leaf() + ");")));
            cleanup.addAll(scoped(depth + 1, random.nextInt(2)));
            blocks.add(cleanup);
            inFinally = outer;
        }
        joins.add("}");
        return Stmt.compound("try {", blocks, joins);
    }

    private Stmt tryWithResources(int depth) {
        String first = x.fresh("r");
        String resources = "Res " + first + " = new Res(t, " + x.longExpr(1) + ", " + x.condition(0) + " && " + x.condition(0) + ")";
        List<Local> ids = new ArrayList<>(List.of(new Local(first + ".id", Type.FINAL_LONG)));
        if (random.nextBoolean()) {
            String second = x.fresh("r");
            resources += "; Res " + second + " = new Res(t, " + x.longExpr(2) + ", false)";
            ids.add(new Local(second + ".id", Type.FINAL_LONG));
        }
        tryDepth++;
        List<Stmt> body = scoped(depth + 1, 1 + random.nextInt(3), ids.toArray(new Local[0]));
        tryDepth--;
        return Stmt.compound("try (" + resources + ") {", List.of(body), List.of("}"));
    }
}
