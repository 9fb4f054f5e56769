/**
 * The jasyncio runtime: the event loop, tasks and futures ({@code org.jasyncio}), locks and events
 * ({@code org.jasyncio.sync}), queues ({@code org.jasyncio.queues}) and networking on the loop
 * ({@code org.jasyncio.net}).
 *
 * <p>A user module {@code requires org.jasyncio} (and {@code requires static org.jasyncio.annotation}
 * for {@code @Async}). {@code org.jasyncio.internal} is exported because the classes the compiler
 * writes into the user's own packages call it (their frames extend {@code AsyncFrame}); it is not an
 * API and changes without notice.
 */
module org.jasyncio {
    exports org.jasyncio;
    exports org.jasyncio.sync;
    exports org.jasyncio.queues;
    exports org.jasyncio.net;
    exports org.jasyncio.internal;
}
