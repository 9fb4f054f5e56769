package org.jasyncio.compiler;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.StringJoiner;

/** Builds {@link Diagnostic}s that point at a source line, and answers small questions about methods. */
public final class Where {

    private Where() {
    }

    /** A diagnostic at {@code insn}'s source line, or at the method's first line when {@code insn} is null. */
    public static Diagnostic at(ClassNode owner, MethodNode method, AbstractInsnNode insn, String message) {
        int line = insn == null ? firstLine(method) : lineOf(insn);
        if (line < 0) {
            line = firstLine(method);
        }
        return new Diagnostic(sourceFile(owner), line, owner.name.replace('/', '.'), display(method), message);
    }

    /** The source line of {@code insn}: that of the nearest line number entry before it, or -1. */
    public static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode node = insn; node != null; node = node.getPrevious()) {
            if (node instanceof LineNumberNode lineNumber) {
                return lineNumber.line;
            }
        }
        return -1;
    }

    /** The first source line of {@code method}'s code, or -1 when it has none. */
    public static int firstLine(MethodNode method) {
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LineNumberNode lineNumber) {
                return lineNumber.line;
            }
        }
        return -1;
    }

    /** {@code say(String, int)}: the method as a reader of the source would name it. */
    public static String display(MethodNode method) {
        StringJoiner parameters = new StringJoiner(", ", userName(method) + "(", ")");
        for (Type type : Type.getArgumentTypes(method.desc)) {
            String name = type.getClassName();
            parameters.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return parameters.toString();
    }

    /** The source-level name of a method; for a lambda body, {@code lambda in main} rather than {@code lambda$main$0}. */
    public static String userName(MethodNode method) {
        if (isLambdaBody(method)) {
            String[] parts = method.name.split("\\$");
            return parts.length >= 2 ? "lambda in " + parts[1] : method.name;
        }
        return method.name;
    }

    /** Whether javac generated {@code method} to hold a lambda expression's body. */
    public static boolean isLambdaBody(MethodNode method) {
        return method.name.startsWith("lambda$");
    }

    /** Whether the compiler turns {@code method} into a coroutine: it carries {@code @Async}, or is an async lambda. */
    public static boolean isAsync(MethodNode method) {
        return isAnnotatedAsync(method) || isAsyncLambda(method);
    }

    /** Whether {@code method} carries {@code @Async}, or {@code @AsyncTest}, which implies it. */
    public static boolean isAnnotatedAsync(MethodNode method) {
        return carries(method, Abi.ASYNC_ANNOTATION) || isAsyncTest(method);
    }

    /** Whether {@code method} carries {@code @AsyncTest}. */
    public static boolean isAsyncTest(MethodNode method) {
        return carries(method, Abi.ASYNC_TEST_ANNOTATION);
    }

    /** Whether {@code method} carries the annotation of type {@code descriptor}, of any retention. */
    public static boolean carries(MethodNode method, String descriptor) {
        return hasAnnotation(method.invisibleAnnotations, descriptor) || hasAnnotation(method.visibleAnnotations, descriptor);
    }

    /**
     * Whether {@code method} is the body of an async lambda: a lambda whose function type returns
     * {@code Coroutine} or {@code Awaitable} and that awaits. One that does not await stays a plain
     * function that returns a coroutine, as a Python lambda that returns one does.
     */
    public static boolean isAsyncLambda(MethodNode method) {
        if (!isLambdaBody(method) || (method.access & Opcodes.ACC_SYNTHETIC) == 0) {
            return false;
        }
        String returned = Type.getReturnType(method.desc).getDescriptor();
        return (Abi.COROUTINE_DESC.equals(returned) || Abi.AWAITABLE_DESC.equals(returned)) && callsAwait(method);
    }

    /** Whether {@code method}'s code calls {@code Asyncio.await}. */
    public static boolean callsAwait(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && Abi.isAwait(call.owner, call.name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnnotation(List<AnnotationNode> annotations, String descriptor) {
        if (annotations != null) {
            for (AnnotationNode annotation : annotations) {
                if (descriptor.equals(annotation.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The class's source file under its package directory, or its class file name when it names none. */
    public static String sourceFile(ClassNode owner) {
        if (owner.sourceFile != null) {
            int slash = owner.name.lastIndexOf('/');
            String directory = slash < 0 ? "" : owner.name.substring(0, slash + 1);
            return directory + owner.sourceFile;
        }
        return owner.name + ".class";
    }
}
