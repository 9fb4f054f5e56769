package org.jasyncio.internal;

import org.jasyncio.Coroutine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which receivers' classes inherit an {@code @Async} method, for its direct entry ({@link Await#inherits}). */
class OverridesTest {

    private static final String DESCRIPTOR = "(Ljava/lang/String;I)Lorg/jasyncio/Coroutine;";

    static class Base {
        Coroutine<String> fetch(String key, int attempt) {
            return null;
        }
    }

    static class Inheriting extends Base {
        Coroutine<String> fetch(String key) {
            return null;
        }
    }

    static class Overriding extends Inheriting {
        @Override
        Coroutine<String> fetch(String key, int attempt) {
            return null;
        }
    }

    static final class BelowOverriding extends Overriding {
    }

    @Test
    void aClassInherits_whenNoClassBetweenDeclaresTheSameNameAndParameters() {
        assertTrue(Await.inherits(Inheriting.class, Base.class, "fetch", DESCRIPTOR));
        assertTrue(Await.inherits(Inheriting.class, Base.class, "fetch", DESCRIPTOR), "cached");
        assertFalse(Await.inherits(Overriding.class, Base.class, "fetch", DESCRIPTOR));
        assertFalse(Await.inherits(BelowOverriding.class, Base.class, "fetch", DESCRIPTOR));
        assertTrue(Await.inherits(BelowOverriding.class, Overriding.class, "fetch", DESCRIPTOR));
        assertFalse(Await.inherits(String.class, Base.class, "fetch", DESCRIPTOR), "not a subclass");
    }
}
