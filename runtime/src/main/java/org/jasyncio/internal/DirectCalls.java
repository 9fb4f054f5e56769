package org.jasyncio.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.util.Set;

/**
 * Links the call sites where a generated body awaits the call of a method straight away,
 * {@code await(f(args))}. Not for user code.
 *
 * <p>The compiler gives each {@code @Async} method {@code f} a <em>direct entry</em>, a synthetic
 * method {@code f$direct} with {@code f}'s parameters and the task last, which runs {@code f}'s body
 * at once, with its locals on the JVM stack and no frame object: the body makes its frame only if it
 * suspends. At a site {@code await(f(args))} in a body, it emits an {@code invokedynamic} of
 * {@code (receiver, args…, task)Object} whose bootstrap argument is the handle of {@code f} itself.
 * When the site first runs, {@link #bootstrap} binds it to {@code f}'s direct entry, found by that
 * handle; or, when {@code f} has none (a method that is not {@code @Async}, or one compiled before
 * direct entries, or not accessible), to {@code Await.await(f(args), task)}, what the site meant
 * before. So the site needs nothing known about {@code f} when its class is compiled, and a virtual
 * call still reaches the receiver's own override. The runtime's own most awaited coroutines
 * ({@code sleep}, a queue's {@code get} and {@code put}) have hand-written entries in
 * {@link RuntimeEntries}.
 *
 * <p>Thread rule: bootstraps run on whatever thread first reaches the site; they keep no state.
 */
public final class DirectCalls {

    /** The suffix of a direct entry's name: {@code f$direct}. */
    public static final String ENTRY_SUFFIX = "$direct";

    private static final MethodHandle AWAIT;
    private static final MethodHandle REQUIRE_NON_NULL;
    /** The runtime's classes whose coroutines may have an entry in {@link RuntimeEntries}. */
    private static final Set<String> RUNTIME_OWNERS = Set.of("org.jasyncio.Asyncio", "org.jasyncio.queues.Queue");

    static {
        try {
            AWAIT = MethodHandles.lookup().findStatic(Await.class, "await",
                    MethodType.methodType(Object.class, Object.class, Trampoline.class));
            REQUIRE_NON_NULL = MethodHandles.lookup().findStatic(Objects.class, "requireNonNull",
                    MethodType.methodType(Object.class, Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DirectCalls() {
    }

    /**
     * Links one site: {@code type} is {@code (receiver if any, f's parameters…, Trampoline)Object},
     * {@code method} the handle of {@code f} as the site's class resolves it.
     */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, MethodHandle method) {
        MethodHandleInfo info = caller.revealDirect(method);
        MethodHandle target = directEntry(caller, info);
        if (target == null) {
            MethodHandle call = method.asType(method.type().changeReturnType(Object.class));
            target = MethodHandles.collectArguments(AWAIT, 0, call);
        }
        target = target.asType(type);
        if (info.getReferenceKind() != MethodHandleInfo.REF_invokeStatic) {
            target = MethodHandles.filterArguments(target, 0, receiverCheck(info, type.parameterType(0)));
        }
        return new ConstantCallSite(target);
    }

    /**
     * A null receiver's exception, as the call itself would have thrown it, naming the method: a
     * method handle's own check says nothing.
     */
    private static MethodHandle receiverCheck(MethodHandleInfo info, Class<?> receiver) {
        String message = "Cannot invoke \"" + info.getDeclaringClass().getName() + "." + info.getName()
                + "()\" because the receiver is null";
        return MethodHandles.insertArguments(REQUIRE_NON_NULL, 1, message)
                .asType(MethodType.methodType(receiver, receiver));
    }

    /** The direct entry of the method {@code method} calls, or {@code null} when it has none the caller may call. */
    private static MethodHandle directEntry(MethodHandles.Lookup caller, MethodHandleInfo info) {
        MethodType entryType = info.getMethodType().changeReturnType(Object.class)
                .appendParameterTypes(Trampoline.class);
        Class<?> owner = info.getDeclaringClass();
        if (owner.getClassLoader() == DirectCalls.class.getClassLoader() && RUNTIME_OWNERS.contains(owner.getName())) {
            return runtimeEntry(info, owner, entryType);
        }
        String entry = info.getName() + ENTRY_SUFFIX;
        try {
            return switch (info.getReferenceKind()) {
                case MethodHandleInfo.REF_invokeStatic -> caller.findStatic(owner, entry, entryType);
                case MethodHandleInfo.REF_invokeVirtual, MethodHandleInfo.REF_invokeInterface ->
                        caller.findVirtual(owner, entry, entryType);
                default -> null;
            };
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /**
     * The runtime's own entry ({@link RuntimeEntries}) of {@code info}'s method, named as it is and
     * taking its receiver first, or {@code null} when it has none.
     */
    private static MethodHandle runtimeEntry(MethodHandleInfo info, Class<?> owner, MethodType entryType) {
        MethodType type = info.getReferenceKind() == MethodHandleInfo.REF_invokeStatic ? entryType
                : entryType.insertParameterTypes(0, owner);
        try {
            return MethodHandles.lookup().findStatic(RuntimeEntries.class, info.getName(), type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
