package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;

/**
 * Gives an {@code @AsyncTest} method's name to a {@code void} method JUnit can run. JUnit runs only
 * {@code void} test methods, so the stub of {@code Coroutine<?> m(args)} becomes the private
 * {@code m$async(args)}, and a new {@code void m(args)}, with the stub's access, annotations,
 * parameters, generic signature and {@code throws} clause, calls it and hands the coroutine to
 * {@code AsyncTestRunner.run}: reports and IDEs show and rerun the test by its own name, and JUnit
 * resolves its parameters as for any test.
 */
public final class TestRunnerWriter {

    private TestRunnerWriter() {
    }

    /**
     * Renames {@code stub} to {@code m$async}, makes it private and moves its declaration's annotations
     * to the new method {@code void m(args)}, which is returned.
     */
    public static MethodNode runnerFor(ClassNode owner, MethodNode stub, int firstLine) {
        String voidDescriptor = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getArgumentTypes(stub.desc));
        MethodNode runner = new MethodNode(Opcodes.ASM9, stub.access, stub.name, voidDescriptor,
                voidSignature(stub.signature), stub.exceptions.toArray(new String[0]));
        runner.visibleAnnotations = stub.visibleAnnotations;
        runner.invisibleAnnotations = stub.invisibleAnnotations;
        runner.visibleParameterAnnotations = stub.visibleParameterAnnotations;
        runner.invisibleParameterAnnotations = stub.invisibleParameterAnnotations;
        runner.visibleAnnotableParameterCount = stub.visibleAnnotableParameterCount;
        runner.invisibleAnnotableParameterCount = stub.invisibleAnnotableParameterCount;
        runner.parameters = stub.parameters;
        stub.visibleAnnotations = null;
        stub.invisibleAnnotations = null;
        stub.visibleParameterAnnotations = null;
        stub.invisibleParameterAnnotations = null;
        stub.visibleAnnotableParameterCount = 0;
        stub.invisibleAnnotableParameterCount = 0;
        stub.name = stub.name + Abi.ASYNC_TEST_SUFFIX;
        stub.access = stub.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED) | Opcodes.ACC_PRIVATE;

        boolean isStatic = (stub.access & Opcodes.ACC_STATIC) != 0;
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        runner.instructions.add(start);
        if (firstLine > 0) {
            runner.instructions.add(new LineNumberNode(firstLine, start));
        }
        int slot = 0;
        if (!isStatic) {
            runner.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type argument : Type.getArgumentTypes(stub.desc)) {
            runner.instructions.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
            slot += argument.getSize();
        }
        // A private method is called with invokespecial (invokestatic when static), on every class file version.
        runner.instructions.add(new MethodInsnNode(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL,
                owner.name, stub.name, stub.desc, isInterface));
        runner.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Abi.ASYNC_TEST_RUNNER, Abi.ASYNC_TEST_RUN,
                Abi.ASYNC_TEST_RUN_DESC, false));
        runner.instructions.add(new InsnNode(Opcodes.RETURN));
        runner.instructions.add(end);
        runner.localVariables = new ArrayList<>();
        if (stub.localVariables != null) {
            for (LocalVariableNode variable : stub.localVariables) {
                runner.localVariables.add(new LocalVariableNode(variable.name, variable.desc, variable.signature,
                        start, end, variable.index));
            }
        }
        return runner;
    }

    /** {@code signature} with a {@code void} return type: {@code <T>(TT;)V^...}; {@code null} stays {@code null}. */
    private static String voidSignature(String signature) {
        if (signature == null) {
            return null;
        }
        int parametersEnd = signature.indexOf(')');
        int exceptions = signature.indexOf('^', parametersEnd);
        return signature.substring(0, parametersEnd + 1) + "V" + (exceptions < 0 ? "" : signature.substring(exceptions));
    }
}
