package org.jasyncio.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random expressions of type {@code long}, {@code int}, {@code double}, {@code boolean}
 * and {@code String} over the locals in scope, with {@code await} wherever an expression may stand:
 * operands, arguments of calls and constructors, receivers, array indices, ternaries, string
 * concatenation, conditions with pattern matching, and switch expressions.
 *
 * <p>Every expression terminates. Division and remainder may divide by zero: the
 * {@code ArithmeticException} is an expected exception path, caught by generated handlers or
 * compared as the method's outcome.
 */
final class ExpressionGenerator {

    /** What a local holds, which decides how it may be read and written. */
    enum Type {
        LONG, INT, DOUBLE, STRING, FINAL_LONG, ARRAY, FLOAT, SHORT, BYTE, CHAR, BOOLEAN, INT_ARRAY, DOUBLE_ARRAY,
        STRING_ARRAY, FINAL_STRING, COUNTER
    }

    record Local(String name, Type type) {
    }

    final SplittableRandom random;
    private final List<List<Local>> scopes = new ArrayList<>();
    private final List<Signature> signatures;
    private int method;
    private int names;
    private int callsLeft;
    int loopDepth;

    ExpressionGenerator(SplittableRandom random, List<Signature> signatures) {
        this.random = random;
        this.signatures = signatures;
    }

    /** Starts method {@code index}: no locals, a fresh name counter, one call of another method allowed. */
    void startMethod(int index) {
        method = index;
        names = 0;
        callsLeft = 1;
        loopDepth = 0;
        scopes.clear();
        scopes.add(new ArrayList<>());
        for (Signature.Parameter parameter : signatures.get(index).list()) {
            declare(new Local(parameter.name, parameter.local));
        }
    }

    /** In an instance method of {@code Program}, which may use its fields. */
    boolean inInstanceMethod() {
        return signatures.get(method).home() == Signature.Home.INSTANCE;
    }

    String fresh(String prefix) {
        return prefix + names++;
    }

    void openScope(Local... locals) {
        scopes.add(new ArrayList<>(List.of(locals)));
    }

    void closeScope() {
        scopes.remove(scopes.size() - 1);
    }

    void declare(Local local) {
        scopes.get(scopes.size() - 1).add(local);
    }

    Local pick(Type... types) {
        List<Local> candidates = new ArrayList<>();
        for (List<Local> scope : scopes) {
            for (Local local : scope) {
                if (List.of(types).contains(local.type)) {
                    candidates.add(local);
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /**
     * A call of a later generated method in {@code shape}, or null when this method has made its one
     * call, is in a loop, or is the last: so every run executes each method body at most a bounded
     * number of times.
     */
    String call(CallShape shape) {
        int callee = callee();
        if (callee < 0) {
            return null;
        }
        callsLeft--;
        return callOf(callee, shape);
    }

    /** A later method this one may call here, or -1. */
    private int callee() {
        int count = signatures.size();
        if (callsLeft == 0 || loopDepth > 0 || method + 1 >= count) {
            return -1;
        }
        int callee = method + 1 + random.nextInt(Math.min(3, count - method - 1));
        return signatures.get(callee).callableFrom(signatures.get(method).home()) ? callee : -1;
    }

    private String callOf(int callee, CallShape shape) {
        String prefix = signatures.get(method).home().callPrefix(signatures.get(callee).home());
        StringBuilder call = new StringBuilder(prefix).append('m').append(callee).append("(t.callee(")
                .append(shape).append(')');
        for (Signature.Parameter parameter : signatures.get(callee).list()) {
            call.append(", ").append(switch (parameter) {
                case LONG -> longExpr(1);
                case DOUBLE -> doubleExpr(1);
                case INT -> intExpr(1);
                case STRING -> stringExpr(1);
                case VARARGS -> longExpr(1) + ", " + leaf() + ", " + leaf();
            });
        }
        return call.append(')').toString();
    }

    /**
     * The field of {@code Program} this method may hold a coroutine in: the receiver's in an
     * instance method, else the static one.
     */
    String heldField() {
        return switch (signatures.get(method).home()) {
            case INSTANCE -> random.nextBoolean() ? "held" : "this.held";
            case STATIC -> "sheld";
            default -> "Program.sheld";
        };
    }

    /**
     * An awaited call of a later generated method, or null (see {@link #call}): straight from the
     * call, or through an identity method, a field assignment or a ternary, each awaited as soon as
     * the call is made.
     */
    String awaitedCall(int depth) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> {
                String call = call(CallShape.HOLD);
                yield call == null ? null : "await(hold(" + call + "))";
            }
            case 2 -> {
                String call = call(CallShape.FIELD);
                yield call == null ? null : "await(" + heldField() + " = " + call + ")";
            }
            case 3, 4 -> ternaryCall(depth);
            default -> {
                String call = call(CallShape.DIRECT);
                yield call == null ? null : "await(" + call + ")";
            }
        };
    }

    /**
     * {@code await(c ? mA(..) : mB(..))}, or with a completed coroutine as one choice: the condition
     * runs first, so only the chosen call is made, and it is awaited at once.
     */
    private String ternaryCall(int depth) {
        int first = callee();
        if (first < 0) {
            return null;
        }
        int second = callee();
        callsLeft--;
        String chosen = callOf(first, CallShape.TERNARY);
        String other = second < 0 ? "completed((long) (" + longExpr(depth - 1) + "))" : callOf(second, CallShape.TERNARY);
        String condition = condition(depth - 1);
        return random.nextBoolean() ? "await(" + condition + " ? " + chosen + " : " + other + ")"
                : "await(" + condition + " ? " + other + " : " + chosen + ")";
    }

    String longExpr(int depth) {
        if (depth <= 0) {
            return leaf();
        }
        return switch (random.nextInt(30)) {
            case 0, 1, 2 -> leaf();
            case 3, 4, 5 -> "await(v(t, " + longExpr(depth - 1) + "))";
            case 6 -> {
                String call = awaitedCall(depth);
                yield call == null ? "await(v(t, " + longExpr(depth - 1) + "))" : call;
            }
            case 7, 8 -> "(" + longExpr(depth - 1) + " " + "+-*^&|".charAt(random.nextInt(6)) + " "
                    + longExpr(depth - 1) + ")";
            case 9 -> "(" + condition(depth - 1) + " ? " + longExpr(depth - 1) + " : " + longExpr(depth - 1) + ")";
            case 10 -> "new Box(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ").sum()";
            case 11 -> "mix(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
            case 12 -> "(" + stringExpr(depth - 1) + ").length()";
            case 13 -> lambda(depth);
            case 14 -> "await(fail(t, " + longExpr(depth - 1) + "))";
            case 15 -> mutation(depth);
            case 16 -> "(" + longExpr(depth - 1) + (random.nextBoolean() ? " / " : " % ") + longExpr(depth - 1) + ")";
            case 17 -> "(long) (double) (" + doubleExpr(depth - 1) + ")";
            case 18 -> "(long) " + intExpr(depth - 1);
            case 19 -> depth >= 2 ? switchExpr("long", depth, false) : leaf();
            case 20 -> "new Acc(" + longExpr(depth - 1) + ").add(" + longExpr(depth - 1) + ").add("
                    + longExpr(depth - 1) + ").get()";
            case 21 -> "new Mixed(" + intExpr(depth - 1) + ", " + doubleExpr(0) + ", " + stringExpr(0)
                    + ", " + longExpr(depth - 1) + ").sum()";
            case 22 -> inInstanceMethod() ? fieldExpr(depth) : leaf();
            case 23 -> {
                Local array = pick(Type.ARRAY);
                yield array == null ? leaf() : array.name + "[" + index(depth - 1) + "]";
            }
            case 24 -> "await(completed(" + longExpr(depth - 1) + "))";
            case 25 -> "await(cf(t, " + longExpr(depth - 1) + "))";
            case 26 -> random.nextBoolean() ? "await(cfail(t, " + longExpr(depth - 1) + "))"
                    : "await(gather(t, v(t, (long) (" + longExpr(depth - 1) + ")), v(t, (long) (" + leaf() + ")))).get("
                    + random.nextInt(2) + ")";
            default -> "(" + longExpr(depth - 1) + " + " + leaf() + ")";
        };
    }

    String intExpr(int depth) {
        if (depth <= 0) {
            return "(int) " + leaf();
        }
        return switch (random.nextInt(8)) {
            case 0, 1 -> "(int) " + leaf();
            case 2 -> "await(v(t, " + intExpr(depth - 1) + "))";
            case 3 -> "(" + intExpr(depth - 1) + " " + "+-*/%".charAt(random.nextInt(5)) + " " + intExpr(depth - 1) + ")";
            case 4 -> {
                Local small = pick(Type.SHORT, Type.BYTE, Type.CHAR, Type.INT, Type.COUNTER);
                yield small == null ? "(int) " + leaf() : "(" + small.name + " + " + intExpr(depth - 1) + ")";
            }
            case 5 -> "(" + condition(depth - 1) + " ? " + intExpr(depth - 1) + " : 7)";
            case 6 -> "(" + stringExpr(depth - 1) + ").indexOf('1')";
            default -> "(int) (long) " + longExpr(depth - 1);
        };
    }

    String doubleExpr(int depth) {
        if (depth <= 0) {
            Local local = pick(Type.DOUBLE, Type.FLOAT);
            return local == null ? "0.75" : "(double) " + local.name;
        }
        return switch (random.nextInt(7)) {
            case 0 -> doubleExpr(0);
            case 1 -> "await(v(t, " + doubleExpr(depth - 1) + "))";
            case 2 -> "(" + doubleExpr(depth - 1) + " " + "+-*".charAt(random.nextInt(3)) + " " + doubleExpr(depth - 1) + ")";
            case 3 -> "(" + condition(depth - 1) + " ? " + doubleExpr(depth - 1) + " : " + doubleExpr(depth - 1) + ")";
            case 4 -> "Math.floor(" + doubleExpr(depth - 1) + " * 0.5)";
            case 5 -> "(float) (double) " + doubleExpr(depth - 1);
            default -> "(double) " + longExpr(depth - 1);
        };
    }

    String stringExpr(int depth) {
        if (depth <= 0) {
            Local local = pick(Type.STRING, Type.FINAL_STRING);
            return local == null ? "\"q\"" : local.name;
        }
        return switch (random.nextInt(8)) {
            case 0 -> stringExpr(0);
            case 1 -> "await(v(t, " + stringExpr(depth - 1) + "))";
            case 2 -> "\"s\" + " + longExpr(depth - 1) + " + " + leaf();
            case 3 -> "(" + stringExpr(depth - 1) + " + " + doubleExpr(depth - 1) + " + " + condition(depth - 1) + ")";
            case 4 -> "(" + condition(depth - 1) + " ? " + stringExpr(depth - 1) + " : \"e\")";
            case 5 -> depth >= 2 ? switchExpr("String", depth, false) : stringExpr(0);
            case 6 -> "new StringBuilder(" + stringExpr(depth - 1) + ").append(" + longExpr(depth - 1)
                    + ").reverse().toString()";
            default -> "String.valueOf(" + longExpr(depth - 1) + ")";
        };
    }

    String condition(int depth) {
        return switch (random.nextInt(depth <= 0 ? 2 : 9)) {
            case 0 -> "(" + longExpr(depth) + " > " + longExpr(depth) + ")";
            case 1 -> "(Math.floorMod(" + longExpr(depth) + ", 2) == 0)";
            case 2 -> "(" + condition(depth - 1) + " && " + condition(depth - 1) + ")";
            case 3 -> "(" + condition(depth - 1) + " || " + condition(depth - 1) + ")";
            case 4 -> "await(v(t, " + condition(depth - 1) + "))";
            case 5 -> {
                String name = fresh("n");
                String boxed = random.nextBoolean() ? "(Object) (" + longExpr(depth - 1) + ")" : "(Object) \"o\"";
                yield "(await(v(t, " + boxed + ")) instanceof Long " + name + " && " + name + " > " + longExpr(depth - 1) + ")";
            }
            case 6 -> "(" + doubleExpr(depth - 1) + " <= " + doubleExpr(depth - 1) + ")";
            case 7 -> "(" + stringExpr(depth - 1) + ").endsWith(\"1\")";
            default -> "!" + condition(depth - 1);
        };
    }

    /**
     * A switch expression on an int, String or enum selector, arrow or classic with {@code yield}.
     * With {@code mayTry} (only where javac starts it on an empty operand stack) an arm may hold a
     * {@code try} statement.
     */
    String switchExpr(String type, int depth, boolean mayTry) {
        List<String> cases;
        String selector;
        switch (random.nextInt(3)) {
            case 0 -> {
                selector = "\"k\" + Math.floorMod(" + longExpr(depth - 1) + ", 3)";
                cases = List.of("\"k0\"", "\"k1\"");
            }
            case 1 -> {
                selector = "Color.values()[Math.floorMod(" + longExpr(depth - 1) + ", 3)]";
                cases = List.of("RED", "GREEN");
            }
            default -> {
                selector = "Math.floorMod(" + longExpr(depth - 1) + ", 4)";
                cases = List.of("0", "1", "2");
            }
        }
        boolean arrow = random.nextBoolean();
        StringBuilder out = new StringBuilder("switch (").append(selector).append(") { ");
        for (int i = 0; i <= cases.size(); i++) {
            out.append(i < cases.size() ? "case " + cases.get(i) : "default").append(arrow ? " -> " : ": ");
            String value = "String".equals(type) ? stringExpr(depth - 1) : "(long) (" + longExpr(depth - 1) + ")";
            int shape = random.nextInt(mayTry ? 4 : 2);
            if (shape == 0 && arrow) {
                out.append(value).append("; ");
            } else if (shape <= 1) {
                out.append("{ t.log(").append(leaf()).append("); yield ").append(value).append("; } ");
            } else if (shape == 2) {
                String caught = fresh("x");
                out.append("{ try { t.log(").append(leaf()).append("); yield ").append(value)
                        .append("; } catch (Boom | ArithmeticException ").append(caught).append(") { t.log(")
                        .append(caught).append("); yield ").append(value).append("; } } ");
            } else {
                out.append("{ try { t.log(").append(longExpr(depth - 1)).append("); } finally { t.log(")
                        .append(leaf()).append("); } yield ").append(value).append("; } ");
            }
        }
        return out.append("}").toString();
    }

    private String fieldExpr(int depth) {
        return switch (random.nextInt(4)) {
            case 0 -> "fld";
            case 1 -> "(this.fld++)";
            case 2 -> "(fld += " + longExpr(depth - 1) + ")";
            default -> "arr[" + index(depth - 1) + "]";
        };
    }

    /**
     * An async lambda, awaited as soon as it is called (a plain lambda in the reference, which runs
     * its body at the call): one that captures, one with a block body and a parameter, one nested in
     * another, one whose await fails.
     */
    private String asyncLambda(int depth, String free, String more) {
        String supplier = "((Supplier<Coroutine<Long>>) () -> ";
        return switch (random.nextInt(4)) {
            case 0 -> "await(" + supplier + "completed(await(v(t, (long) " + free + ")) * 3" + more + ")).get())";
            case 1 -> "await(((LongFunction<Coroutine<Long>>) x -> { t.log(x); return completed(x - await(v(t, (long) "
                    + free + "))" + more + "); }).apply(" + longExpr(depth - 1) + "))";
            case 2 -> "await(" + supplier + "completed(await(" + supplier + "completed(await(v(t, (long) " + free
                    + ")) + 1)).get()) * 2" + more + ")).get())";
            default -> "await(" + supplier + "completed(await(fail(t, " + free + "))" + more + ")).get())";
        };
    }

    /** A lambda or anonymous class capturing locals (final or effectively final), the trace, or {@code this}, or an async lambda. */
    private String lambda(int depth) {
        Local captured = pick(Type.FINAL_LONG);
        String free = captured == null ? "3" : captured.name;
        Local text = pick(Type.FINAL_STRING);
        String more = (text == null ? "" : " + " + text.name + ".length()") + (inInstanceMethod() ? " + fld" : "");
        return switch (random.nextInt(7)) {
            case 4, 5, 6 -> asyncLambda(depth, free, more);
            case 0 -> "((LongUnaryOperator) x -> x * 3 + " + free + more + ").applyAsLong(" + longExpr(depth - 1) + ")";
            case 1 -> "((LongUnaryOperator) x -> { t.log(x); return x - " + free + more + "; }).applyAsLong("
                    + longExpr(depth - 1) + ")";
            case 2 -> "((LongSupplier) () -> " + free + more + ").getAsLong()";
            default -> "new LongBinaryOperator() { public long applyAsLong(long p, long q) { return p - q + " + free
                    + more + "; } }.applyAsLong(" + longExpr(depth - 1) + ", " + longExpr(depth - 1) + ")";
        };
    }

    private String mutation(int depth) {
        Local local = pick(Type.LONG);
        if (local == null) {
            return leaf();
        }
        return switch (random.nextInt(4)) {
            case 0 -> "(" + local.name + "++)";
            case 1 -> "(--" + local.name + ")";
            case 2 -> "(" + local.name + " *= " + longExpr(depth - 1) + ")";
            default -> "(" + local.name + " += " + longExpr(depth - 1) + ")";
        };
    }

    String leaf() {
        Local local = random.nextInt(3) == 0 ? null : pick(Type.values());
        if (local == null) {
            return random.nextInt(8) == 0 ? "5_000_000_000L" : random.nextInt(-3, 10) + "L";
        }
        return switch (local.type) {
            case LONG, FINAL_LONG -> local.name;
            case INT, DOUBLE, COUNTER, FLOAT, SHORT, BYTE, CHAR -> "(long) " + local.name;
            case BOOLEAN -> "(" + local.name + " ? 1L : 0L)";
            case STRING, FINAL_STRING -> local.name + ".length()";
            case ARRAY -> local.name + "[" + index(0) + "]";
            case INT_ARRAY, DOUBLE_ARRAY -> "(long) " + local.name + "[" + index(0) + "]";
            case STRING_ARRAY -> local.name + "[" + index(0) + "].length()";
        };
    }

    /** An index into a three-element array. */
    String index(int depth) {
        return "Math.floorMod(" + (depth <= 0 ? leaf() : longExpr(depth)) + ", 3)";
    }
}
