package org.jasyncio.internal;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which classes inherit an {@code @Async} method rather than override it, for the direct entries of
 * overridable methods ({@link Await#inherits}).
 *
 * <p>A class inherits {@code owner.name(parameters)} when no class from it up to, not including,
 * {@code owner} declares a method of that name and those parameter types. The test errs one way
 * only: a declaration that would not override (a package-private method seen from another package)
 * still counts as one, which sends the call through the coroutine the receiver's own method
 * returns: correct, only not direct.
 *
 * <p>Thread rule: any thread; the answers are cached per receiver class, and computing one twice is
 * harmless.
 */
final class Overrides {

    private static final ClassValue<Map<String, Boolean>> ANSWERS = new ClassValue<>() {
        @Override
        protected Map<String, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Overrides() {
    }

    static boolean inherits(Class<?> receiver, Class<?> owner, String name, String descriptor) {
        String key = owner.getName() + '.' + name + descriptor;
        Map<String, Boolean> answers = ANSWERS.get(receiver);
        Boolean answer = answers.get(key);
        if (answer == null) {
            answer = compute(receiver, owner, name, descriptor);
            answers.put(key, answer);
        }
        return answer;
    }

    private static boolean compute(Class<?> receiver, Class<?> owner, String name, String descriptor) {
        if (!owner.isAssignableFrom(receiver)) {
            return false;
        }
        Class<?>[] parameters = MethodType.fromMethodDescriptorString(descriptor, owner.getClassLoader())
                .parameterArray();
        for (Class<?> type = receiver; type != owner && type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())
                        && Arrays.equals(method.getParameterTypes(), parameters)) {
                    return false;
                }
            }
        }
        return true;
    }
}
