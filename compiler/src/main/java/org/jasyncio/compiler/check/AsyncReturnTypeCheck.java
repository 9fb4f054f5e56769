package org.jasyncio.compiler.check;

import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Where;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Consumer;

/** {@code @Async} on a method whose declared return type is not {@code org.jasyncio.Coroutine}. */
final class AsyncReturnTypeCheck implements Check {

    @Override
    public void check(ClassNode owner, MethodNode method, Consumer<Diagnostic> report) {
        if (!Where.carries(method, Abi.ASYNC_ANNOTATION) || method.name.startsWith("<")) {
            return;
        }
        Type returned = Type.getReturnType(method.desc);
        if (!Abi.COROUTINE_DESC.equals(returned.getDescriptor())) {
            String name = returned.getClassName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            String boxed = returned.getSort() == Type.VOID ? "Void" : boxedName(returned, simple);
            report.accept(Where.at(owner, method, null,
                    "an @Async method must return org.jasyncio.Coroutine<T>, but this one returns " + simple
                            + ". Declare it as returning Coroutine<" + boxed + "> and end it with "
                            + (returned.getSort() == Type.VOID ? "return completed();" : "return completed(value);")));
        }
    }

    private static String boxedName(Type type, String simple) {
        return switch (type.getSort()) {
            case Type.BOOLEAN -> "Boolean";
            case Type.CHAR -> "Character";
            case Type.BYTE -> "Byte";
            case Type.SHORT -> "Short";
            case Type.INT -> "Integer";
            case Type.FLOAT -> "Float";
            case Type.LONG -> "Long";
            case Type.DOUBLE -> "Double";
            default -> simple;
        };
    }
}
