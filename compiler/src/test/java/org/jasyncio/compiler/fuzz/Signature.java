package org.jasyncio.compiler.fuzz;

import org.jasyncio.compiler.fuzz.ExpressionGenerator.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * How a generated method is declared: where it lives, and which optional parameters it takes after
 * the trace (two-slot ones among them, and varargs), which the compiler keeps in the frame.
 *
 * @param home         the kind of method and the type that declares it
 * @param parameters   a bit set over {@link Parameter}'s ordinals
 * @param isPrivate    whether the method is private (then only its own type calls it)
 */
record Signature(Home home, int parameters, boolean isPrivate) {

    /**
     * Where a method lives: in the class {@code Program}, or in its nested interface {@code Api},
     * a top-level interface that {@code Program} implements (so {@code new Program()} is the receiver
     * of every instance method).
     */
    enum Home {
        STATIC, INSTANCE, INTERFACE_STATIC, INTERFACE_DEFAULT;

        boolean inInterface() {
            return this == INTERFACE_STATIC || this == INTERFACE_DEFAULT;
        }

        String modifiers(boolean isPrivate) {
            return switch (this) {
                case STATIC, INTERFACE_STATIC -> (isPrivate ? "private " : "") + "static ";
                case INSTANCE -> isPrivate ? "private " : "final ";
                case INTERFACE_DEFAULT -> isPrivate ? "private " : "default ";
            };
        }

        /** How a method living here calls {@code m<callee>}, which lives in {@code home}. */
        String callPrefix(Home callee) {
            return switch (callee) {
                case STATIC -> inInterface() ? "Program." : "";
                case INSTANCE -> this == INSTANCE ? "" : "new Program().";
                case INTERFACE_STATIC -> "Api.";
                case INTERFACE_DEFAULT -> this == INTERFACE_DEFAULT ? "" : "((Api) new Program()).";
            };
        }
    }

    /** The optional parameters, in declaration order. */
    enum Parameter {
        LONG("long", "pa", Type.LONG, 5L),
        DOUBLE("double", "pb", Type.DOUBLE, 2.5),
        INT("int", "pc", Type.INT, 3),
        STRING("String", "pd", Type.STRING, "p"),
        VARARGS("long...", "pv", Type.ARRAY, null);

        final String type;
        final String name;
        final Type local;
        private final Object runValue;

        Parameter(String type, String name, Type local, Object runValue) {
            this.type = type;
            this.name = name;
            this.local = local;
            this.runValue = runValue;
        }

        /** What a test run passes when it calls the method itself (a fresh array each time). */
        Object runValue() {
            return this == VARARGS ? new long[] {1, 2, 3} : runValue;
        }
    }

    static final int ALL = (1 << Parameter.values().length) - 1;

    String modifiers() {
        return home.modifiers(isPrivate);
    }

    /** Whether a method living in {@code caller} may call this one. */
    boolean callableFrom(Home caller) {
        return !isPrivate || caller.inInterface() == home.inInterface();
    }

    List<Parameter> list() {
        List<Parameter> list = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            if ((parameters & 1 << parameter.ordinal()) != 0) {
                list.add(parameter);
            }
        }
        return list;
    }

    /** The declared parameter list, without parentheses. */
    String declaration() {
        StringBuilder out = new StringBuilder("Trace t");
        list().forEach(parameter -> out.append(", ").append(parameter.type).append(' ').append(parameter.name));
        return out.toString();
    }

    /** The arguments a test run passes, the trace first. */
    Object[] runArguments(FuzzSupport.Trace trace) {
        List<Object> arguments = new ArrayList<>(List.of(trace));
        list().forEach(parameter -> arguments.add(parameter.runValue()));
        return arguments.toArray();
    }
}
