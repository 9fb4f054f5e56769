package org.jasyncio.compiler.analysis;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the suspension points of an {@code @Async} method and decides what each must save: the
 * operand stack under the awaited value, and the live local variables, each in a field of its exact
 * type. Produces a {@link MethodPlan}; emits nothing.
 */
public final class MethodAnalyzer {

    private final ClassNode owner;
    private final MethodNode method;
    private final Map<String, SpillField> fields = new LinkedHashMap<>();
    private int references;

    private MethodAnalyzer(ClassNode owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
    }

    /**
     * Plans {@code method}, which must already be lowered (see {@code codegen.Lowering}) and carry
     * expanded frames. Reports a diagnostic for each value that cannot be saved.
     */
    public static MethodPlan plan(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        return new MethodAnalyzer(owner, method).plan(report);
    }

    private MethodPlan plan(Consumer<Diagnostic> report) {
        FrameTypes[] frames = FrameTypes.of(owner.name, method);
        Liveness liveness = Liveness.of(method);
        List<SuspensionPoint> points = new ArrayList<>();
        int index = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR) {
                report.accept(Where.at(owner, method, insn, "the method uses jsr/ret subroutines, which javac"
                        + " stopped emitting in Java 6; recompile the class with --release 8 or newer."));
                return new MethodPlan(List.of(), List.of());
            }
            if (insn instanceof MethodInsnNode call && Abi.isAwait(call.owner, call.name) && frames[index] != null) {
                FrameTypes frame = frames[index];
                Map<String, Integer> used = new HashMap<>();
                List<SavedValue> locals = locals(frame, liveness.liveAfter(index), used, call, report);
                List<SavedValue> stack = stack(frame, used, call, report);
                points.add(new SuspensionPoint(points.size() + 1, call, Where.lineOf(call), frame, locals, stack));
            }
            index++;
        }
        return new MethodPlan(points, List.copyOf(fields.values()));
    }

    private List<SavedValue> locals(FrameTypes frame, BitSet live, Map<String, Integer> used,
                                    MethodInsnNode call, Consumer<Diagnostic> report) {
        List<SavedValue> saved = new ArrayList<>();
        int first = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        List<Object> types = frame.locals();
        for (int slot = first; slot < types.size(); slot++) {
            Object type = types.get(slot);
            if (type == Opcodes.TOP) {
                continue;
            }
            if (!isSavable(type)) {
                report.accept(Where.at(owner, method, call, "await while local variable slot " + slot
                        + " holds an object under construction; only code that javac emits is supported here."
                        + " Construct the object before or after the await."));
                continue;
            }
            boolean keep = live.get(slot) && type != Opcodes.NULL;
            saved.add(new SavedValue(slot, type, keep ? field(type, used) : null));
            if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                slot++;
            }
        }
        return saved;
    }

    private List<SavedValue> stack(FrameTypes frame, Map<String, Integer> used, MethodInsnNode call,
                                   Consumer<Diagnostic> report) {
        List<SavedValue> saved = new ArrayList<>();
        List<Object> types = frame.stack();
        for (int position = 0; position < types.size() - 1; position++) {
            Object type = types.get(position);
            if (!isSavable(type)) {
                report.accept(Where.at(owner, method, call, "await while an object under construction is on"
                        + " the operand stack in a form javac does not emit. Construct the object after the await."));
                continue;
            }
            saved.add(new SavedValue(position, type, type == Opcodes.NULL ? null : field(type, used)));
            if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                position++;
            }
        }
        return saved;
    }

    private static boolean isSavable(Object type) {
        return type instanceof String || (type instanceof Integer && type != Opcodes.UNINITIALIZED_THIS);
    }

    /** The next field of {@code type}'s descriptor not yet used at this point, created when first needed. */
    private SpillField field(Object type, Map<String, Integer> used) {
        String descriptor = descriptor(type);
        int ordinal = used.merge(descriptor, 1, Integer::sum) - 1;
        return fields.computeIfAbsent(descriptor + "#" + ordinal, key -> {
            String name = switch (descriptor) {
                case "I" -> "i" + ordinal;
                case "J" -> "j" + ordinal;
                case "F" -> "f" + ordinal;
                case "D" -> "d" + ordinal;
                default -> "a" + references++;
            };
            return new SpillField(name, descriptor);
        });
    }

    /** The field descriptor that holds a value of the verifier type {@code type}. */
    public static String descriptor(Object type) {
        if (type == Opcodes.INTEGER) {
            return "I";
        } else if (type == Opcodes.FLOAT) {
            return "F";
        } else if (type == Opcodes.LONG) {
            return "J";
        } else if (type == Opcodes.DOUBLE) {
            return "D";
        }
        String name = (String) type;
        return name.charAt(0) == '[' ? name : "L" + name + ";";
    }
}
