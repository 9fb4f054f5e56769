package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;

/**
 * Gives an {@code @AsyncTest} method's name to a {@code void} method JUnit can run. JUnit runs only
 * {@code void} test methods, so the stub of {@code Coroutine<?> m(args)} keeps its declaration
 * (access, annotations, parameters, generic signature, {@code throws} clause) but returns
 * {@code void}, and its code, which makes the coroutine, moves to the private {@code m$async(args)}.
 * {@code m} now calls {@code m$async} and hands the coroutine to {@code AsyncTestRunner.run}:
 * reports and IDEs show and rerun the test by its own name, and JUnit resolves its parameters as for
 * any test.
 */
public final class TestRunnerWriter {

    private TestRunnerWriter() {
    }

    /**
     * Turns {@code stub} into the {@code void} runner and returns the coroutine method its code moved
     * to, which the class must also declare.
     */
    public static MethodNode splitStub(ClassNode owner, MethodNode stub, int firstLine) {
        int access = stub.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED) | Opcodes.ACC_PRIVATE;
        MethodNode coroutine = new MethodNode(Opcodes.ASM9, access, stub.name + Abi.ASYNC_TEST_SUFFIX, stub.desc,
                stub.signature, stub.exceptions.toArray(new String[0]));
        coroutine.instructions = stub.instructions;
        coroutine.localVariables = stub.localVariables;
        coroutine.tryCatchBlocks = stub.tryCatchBlocks;

        stub.desc = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getArgumentTypes(stub.desc));
        stub.signature = voidSignature(stub.signature);
        stub.instructions = new InsnList();
        stub.localVariables = new ArrayList<>();
        stub.tryCatchBlocks = new ArrayList<>();
        boolean isStatic = (stub.access & Opcodes.ACC_STATIC) != 0;
        GeneratorAdapter code = new GeneratorAdapter(stub, stub.access, stub.name, stub.desc);
        code.visitCode();
        Label start = code.mark();
        if (firstLine > 0) {
            code.visitLineNumber(firstLine, start);
        }
        if (!isStatic) {
            code.loadThis();
        }
        code.loadArgs();
        // A private method is called with invokespecial (invokestatic when static), on every class file version.
        code.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner.name, coroutine.name,
                coroutine.desc, (owner.access & Opcodes.ACC_INTERFACE) != 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, Abi.ASYNC_TEST_RUNNER, Abi.ASYNC_TEST_RUN, Abi.ASYNC_TEST_RUN_DESC,
                false);
        code.returnValue();
        Label end = code.mark();
        if (coroutine.localVariables != null) {
            for (LocalVariableNode variable : coroutine.localVariables) {
                code.visitLocalVariable(variable.name, variable.desc, variable.signature, start, end, variable.index);
            }
        }
        code.visitMaxs(0, 0);
        code.visitEnd();
        return coroutine;
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
