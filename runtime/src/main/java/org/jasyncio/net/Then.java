package org.jasyncio.net;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Completed;
import org.jasyncio.internal.Throwing;

/**
 * A coroutine of two awaits in sequence, {@code return await(next.apply(await(first)))}: what
 * {@code first} gives is passed to {@code next}, whose result (a coroutine, future or
 * {@code CompletionStage}) is awaited in turn and gives the result. Either's exception ends it.
 *
 * <p>States: 0, not started; 1, waiting for {@code first}; 2, waiting for what {@code next} made.
 */
final class Then<A, T> extends AsyncFrame<T> {

    /** What to await once the first value is there. */
    @FunctionalInterface
    interface Next<A> {
        Object apply(A value) throws Exception;
    }

    private final String name;
    private final Object first;
    private final Next<A> next;
    private int state;

    private Then(String name, Object first, Next<A> next) {
        this.name = name;
        this.first = first;
        this.next = next;
    }

    /** A coroutine named {@code name} that awaits {@code first}, then what {@code next} makes of its value. */
    static <A, T> Then<A, T> of(String name, Object first, Next<A> next) {
        return new Then<>(name, first, next);
    }

    /** A coroutine named {@code name} that, once awaited, awaits what {@code body} makes. */
    static <T> Then<Object, T> deferred(String name, Next<Object> body) {
        return new Then<>(name, new Completed<>(null), body);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object resume() {
        Object value;
        switch (state) {
            case 0 -> {
                value = Await.await(first, this);
                if (value == Await.SUSPENDED) {
                    state = 1;
                    return value;
                }
            }
            case 1 -> value = Await.resumed(this);
            default -> {
                return Await.resumed(this);
            }
        }
        Object then;
        try {
            then = next.apply((A) value);
        } catch (Exception e) {
            throw Throwing.sneaky(e);
        }
        state = 2;
        return Await.await(then, this);
    }

    @Override
    public String toString() {
        return name;
    }
}
