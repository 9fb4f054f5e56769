/**
 * The jasyncio javaagent ({@code -javaagent:jasyncio-agent.jar}): instruments {@code @Async} methods as
 * classes load. Its jar carries the compiler and ASM, relocated under
 * {@code org.jasyncio.agent.shaded}, so it needs no other module.
 */
module org.jasyncio.agent {
    requires java.instrument;

    exports org.jasyncio.agent;
}
