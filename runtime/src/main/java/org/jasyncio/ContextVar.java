package org.jasyncio;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A variable whose value depends on the task that reads it, as Python's
 * {@code contextvars.ContextVar}. A task runs in a copy of the context of the code that created it:
 * what a task sets is seen by the tasks it creates afterwards, never by its parent or its siblings.
 * Outside an event loop, a plain thread has a context of its own; {@link Asyncio#toThread} runs its
 * function in a copy of the awaiting task's context.
 *
 * <pre>{@code
 * static final ContextVar<String> USER = new ContextVar<>("user", "anonymous");
 * ContextVar.Token<String> token = USER.set("ada");   // in this task, and in tasks it creates later
 * try { await(handle()); } finally { USER.reset(token); }
 * }</pre>
 *
 * <p>Callbacks of {@link EventLoop#callSoon} and {@link EventLoop#callLater} see the loop's base
 * context (that of the thread that started the loop), not the one they were scheduled from.
 *
 * <p>Thread rule: any thread; a value is read and set in the context current on the calling thread.
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {

    /** No default value: {@code null} is a legitimate default. */
    private static final Object NO_DEFAULT = new Object();
    /** A token's old value when the variable had none. */
    private static final Object MISSING = new Object();

    private final String name;
    private final Object defaultValue;

    /** A variable with no default: {@link #get()} throws until a value is set. */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = NO_DEFAULT;
    }

    /** A variable whose {@link #get()} returns {@code defaultValue} until a value is set. */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /** The variable's name. */
    public String name() {
        return name;
    }

    /**
     * The value in the current context, else the default.
     *
     * @throws NoSuchElementException if there is neither
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Context context = Context.current();
        if (context.contains(this)) {
            return (T) context.get(this);
        }
        if (defaultValue == NO_DEFAULT) {
            throw new NoSuchElementException("ContextVar " + name + " has no value in this context and no default;"
                    + " set it first, or give the constructor a default");
        }
        return (T) defaultValue;
    }

    /**
     * Sets the value in the current context.
     *
     * @return a token that {@link #reset} takes to restore the value as it was
     */
    public Token<T> set(T value) {
        Context context = Context.current();
        Object old = context.contains(this) ? context.get(this) : MISSING;
        Context.makeCurrent(context.with(this, value));
        return new Token<>(this, old);
    }

    /**
     * Restores the value the variable had before the {@link #set} that returned {@code token}
     * (or no value at all).
     *
     * @throws IllegalStateException if {@code token} was used already, or was made by another variable
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.variable != this) {
            throw new IllegalStateException("reset of ContextVar " + name + " with a token of ContextVar "
                    + token.variable.name + "; reset each variable with the token its own set returned");
        }
        if (token.used) {
            throw new IllegalStateException("reset of ContextVar " + name + " with a token used already;"
                    + " a token restores a value once");
        }
        token.used = true;
        Context context = Context.current();
        Context.makeCurrent(token.oldValue == MISSING ? context.without(this) : context.with(this, token.oldValue));
    }

    @Override
    public String toString() {
        return "ContextVar[" + name + "]";
    }

    /**
     * What {@link ContextVar#set} returns, as Python's {@code contextvars.Token}: the variable and the
     * value it had before, for one {@link ContextVar#reset}. A nested type, since it means nothing
     * apart from its variable.
     *
     * @param <T> the type of the variable's value
     */
    public static final class Token<T> {

        private final ContextVar<T> variable;
        private final Object oldValue;
        private boolean used;

        private Token(ContextVar<T> variable, Object oldValue) {
            this.variable = variable;
            this.oldValue = oldValue;
        }

        /** The variable whose {@code set} made this token. */
        public ContextVar<T> variable() {
            return variable;
        }

        @Override
        public String toString() {
            return "Token[" + variable.name + (used ? ", used]" : "]");
        }
    }
}
