package org.jasyncio.compiler;

/**
 * Every name and descriptor the compiler reads in user code or emits into generated code, in one
 * place. A test resolves each against the runtime, so a rename there cannot go unnoticed here.
 */
public final class Abi {

    /** {@code @org.jasyncio.annotation.Async}. */
    public static final String ASYNC_ANNOTATION = "Lorg/jasyncio/annotation/Async;";
    /**
     * {@code @org.jasyncio.junit.AsyncTest}: a test method taken as {@code @Async}, whose name goes to
     * a generated {@code void} method that calls {@link #ASYNC_TEST_RUNNER}. Named by descriptor
     * only: the compiler does not depend on the JUnit module.
     */
    public static final String ASYNC_TEST_ANNOTATION = "Lorg/jasyncio/junit/AsyncTest;";
    /** What the {@code void} method of an {@code @AsyncTest} method calls with the coroutine. */
    public static final String ASYNC_TEST_RUNNER = "org/jasyncio/junit/AsyncTestRunner";
    public static final String ASYNC_TEST_RUN = "run";
    public static final String ASYNC_TEST_RUN_DESC = "(Lorg/jasyncio/Coroutine;)V";
    /** Appended to the name of an {@code @AsyncTest} method, whose own name goes to its {@code void} runner. */
    public static final String ASYNC_TEST_SUFFIX = "$async";

    /** The marker the compiler puts on classes it has rewritten. */
    public static final String INSTRUMENTED_ANNOTATION = "Lorg/jasyncio/internal/Instrumented;";

    /** {@code org.jasyncio.Asyncio}, whose {@code await} and {@code completed} calls are rewritten. */
    public static final String ASYNCIO = "org/jasyncio/Asyncio";
    public static final String AWAIT = "await";
    public static final String COMPLETED = "completed";
    /** {@code Asyncio.await(Awaitable)}, the form inserted where a body returns a coroutine. */
    public static final String AWAIT_AWAITABLE_DESC = "(Lorg/jasyncio/Awaitable;)Ljava/lang/Object;";
    public static final String COMPLETED_VALUE_DESC = "(Ljava/lang/Object;)Lorg/jasyncio/Coroutine;";
    public static final String COMPLETED_VOID_DESC = "()Lorg/jasyncio/Coroutine;";

    /** The declared return type every {@code @Async} method must have. */
    public static final String COROUTINE_DESC = "Lorg/jasyncio/Coroutine;";
    /** The other return type an async lambda's function type may have. */
    public static final String AWAITABLE_DESC = "Lorg/jasyncio/Awaitable;";

    /** The base class of generated frames. */
    public static final String ASYNC_FRAME = "org/jasyncio/internal/AsyncFrame";
    public static final String RESUME = "resume";
    public static final String RESUME_DESC = "()Ljava/lang/Object;";
    /** Overridden by every frame class: where its method is suspended now, for async stack traces. */
    public static final String SUSPENDED_AT = "suspendedAt";
    public static final String SUSPENDED_AT_DESC = "()Ljava/lang/StackTraceElement;";
    /** The base class's helper those overrides call: class, method, file, lines by state, state. */
    public static final String ELEMENT_AT = "elementAt";
    public static final String ELEMENT_AT_DESC = "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
            + "Ljava/lang/String;I)Ljava/lang/StackTraceElement;";

    /** The frame's accessor of its task, which {@code resume()} passes to the body. */
    public static final String DRIVER = "driver";
    public static final String DRIVER_DESC = "()Lorg/jasyncio/internal/Trampoline;";

    /** The type of the task a body and a direct entry are given: the resume loop every task extends. */
    public static final String TRAMPOLINE = "org/jasyncio/internal/Trampoline";
    public static final String TRAMPOLINE_DESC = "L" + TRAMPOLINE + ";";

    /** The entry points generated bodies call at each await. */
    public static final String AWAIT_SUPPORT = "org/jasyncio/internal/Await";
    public static final String AWAIT_SUPPORT_AWAIT_DESC = "(Ljava/lang/Object;" + TRAMPOLINE_DESC + ")Ljava/lang/Object;";
    public static final String RESUMED = "resumed";
    public static final String RESUMED_DESC = "(" + TRAMPOLINE_DESC + ")Ljava/lang/Object;";
    /** Called by a save block once the frame holds the state: the frame joins its task's chain. */
    public static final String LINK_SUSPENDED = "linkSuspended";
    public static final String LINK_SUSPENDED_DESC = "(" + TRAMPOLINE_DESC + "Lorg/jasyncio/internal/AsyncFrame;)V";
    /** Called by a direct entry around the body: how deep calls nest, and the bounce when too deep. */
    public static final String DEPTH = "depth";
    public static final String DEPTH_DESC = "(" + TRAMPOLINE_DESC + ")I";
    public static final String TOO_DEEP = "tooDeep";
    public static final String TOO_DEEP_DESC = "(I)Z";
    public static final String SET_DEPTH = "setDepth";
    public static final String SET_DEPTH_DESC = "(" + TRAMPOLINE_DESC + "I)V";
    /** Called by an overridable method's direct entry for a receiver of a subclass: does it inherit the method? */
    public static final String INHERITS = "inherits";
    public static final String INHERITS_DESC = "(Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;)Z";
    public static final String BOUNCE = "bounce";
    public static final String BOUNCE_DESC = "(" + TRAMPOLINE_DESC + "Lorg/jasyncio/internal/AsyncFrame;)Ljava/lang/Object;";

    /** The bootstrap of {@code await(f(args))} sites, which binds them to {@code f}'s direct entry. */
    public static final String DIRECT_CALLS = "org/jasyncio/internal/DirectCalls";
    public static final String BOOTSTRAP = "bootstrap";
    public static final String BOOTSTRAP_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite;";
    /** Appended to an {@code @Async} method's name to name its direct entry. */
    public static final String DIRECT_SUFFIX = "$direct";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String SUSPENDED_DESC = "Ljava/lang/Object;";

    /** The return descriptor of a rewritten body: its result, or {@code SUSPENDED}. */
    public static final String BODY_RETURN_DESC = "Ljava/lang/Object;";

    /** The marker on the stubs the compiler writes whole, so coverage tools skip them. */
    public static final String GENERATED_ANNOTATION = "Lorg/jasyncio/internal/Generated;";

    /** Infix of generated frame class names: {@code Owner$Async$method}. */
    public static final String FRAME_CLASS_INFIX = "$Async$";

    private Abi() {
    }

    /** Whether {@code owner.name} is a call of {@code Asyncio.await}, in any of its overloads. */
    public static boolean isAwait(String owner, String name) {
        return ASYNCIO.equals(owner) && AWAIT.equals(name);
    }
}
