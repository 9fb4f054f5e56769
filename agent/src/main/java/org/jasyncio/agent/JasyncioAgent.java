package org.jasyncio.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points, named by the jar's manifest ({@code Premain-Class} and
 * {@code Agent-Class}): each registers an {@link AsyncTransformer} that instruments every class
 * loaded from then on.
 *
 * <p>Given with {@code -javaagent:jasyncio-agent.jar} on the command line, the agent sees every
 * application class. Attached to a running JVM, it instruments only the classes loaded after it:
 * classes already loaded are not retransformed (the manifest says {@code Can-Retransform-Classes:
 * false}), so their {@code await}s still throw as those of any class never instrumented.
 */
public final class JasyncioAgent {

    private JasyncioAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:jasyncio-agent.jar}. */
    public static void premain(String options, Instrumentation instrumentation) {
        install(options, instrumentation);
    }

    /** Called by the JVM when the agent is attached to a running JVM. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        install(options, instrumentation);
    }

    private static void install(String options, Instrumentation instrumentation) {
        if (options != null && !options.isEmpty()) {
            throw new IllegalArgumentException("the jasyncio agent takes no options, but was given \"" + options
                    + "\": write -javaagent:jasyncio-agent.jar with nothing after the jar's name");
        }
        instrumentation.addTransformer(new AsyncTransformer(ClassDefiner.through(instrumentation), System.err), false);
    }
}
