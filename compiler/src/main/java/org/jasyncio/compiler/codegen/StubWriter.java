package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the method users call: same name, descriptor, annotations and generic signature as the
 * {@code @Async} method, but its body only captures the receiver and arguments in a new frame and
 * returns it, so calling it runs none of the original body (API rule 2). It is marked
 * {@code @org.jasyncio.internal.Generated}, which coverage tools read as "skip": the user's code is
 * reported once, in the body, where its lines and branches are.
 */
public final class StubWriter {

    private StubWriter() {
    }

    /**
     * A new method with {@code original}'s declaration and the capturing body; {@code original} keeps
     * its code and debug information, to become the state machine body.
     */
    public static MethodNode stubFor(MethodNode original, FrameShape shape, int firstLine) {
        MethodNode stub = new MethodNode(Opcodes.ASM9, original.access, original.name, original.desc,
                original.signature, original.exceptions == null ? null : original.exceptions.toArray(new String[0]));
        stub.visibleAnnotations = original.visibleAnnotations;
        stub.invisibleAnnotations = new ArrayList<>();
        if (original.invisibleAnnotations != null) {
            stub.invisibleAnnotations.addAll(original.invisibleAnnotations);
        }
        stub.invisibleAnnotations.add(new AnnotationNode(Abi.GENERATED_ANNOTATION));
        stub.visibleTypeAnnotations = original.visibleTypeAnnotations;
        stub.invisibleTypeAnnotations = original.invisibleTypeAnnotations;
        stub.visibleParameterAnnotations = original.visibleParameterAnnotations;
        stub.invisibleParameterAnnotations = original.invisibleParameterAnnotations;
        stub.visibleAnnotableParameterCount = original.visibleAnnotableParameterCount;
        stub.invisibleAnnotableParameterCount = original.invisibleAnnotableParameterCount;
        stub.parameters = original.parameters;
        stub.attrs = original.attrs;

        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        stub.instructions.add(start);
        if (firstLine > 0) {
            stub.instructions.add(new LineNumberNode(firstLine, start));
        }
        stub.instructions.add(new TypeInsnNode(Opcodes.NEW, shape.name()));
        stub.instructions.add(new InsnNode(Opcodes.DUP));
        int slot = 0;
        if (!shape.isStatic()) {
            stub.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type argument : shape.arguments()) {
            stub.instructions.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
            slot += argument.getSize();
        }
        stub.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, shape.name(), "<init>",
                shape.constructorDescriptor(), false));
        stub.instructions.add(new InsnNode(Opcodes.ARETURN));
        stub.instructions.add(end);
        stub.localVariables = parameterVariables(original, slot, start, end);
        return stub;
    }

    /** The debug entries of {@code this} and the parameters, which the stub's code spans whole. */
    private static List<LocalVariableNode> parameterVariables(MethodNode original, int parameterSlots,
                                                              LabelNode start, LabelNode end) {
        List<LocalVariableNode> variables = new ArrayList<>();
        if (original.localVariables == null) {
            return variables;
        }
        boolean[] named = new boolean[parameterSlots];
        for (LocalVariableNode variable : original.localVariables) {
            if (variable.index < parameterSlots && !named[variable.index]) {
                named[variable.index] = true;
                variables.add(new LocalVariableNode(variable.name, variable.desc, variable.signature, start, end,
                        variable.index));
            }
        }
        return variables;
    }
}
