package app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MisusedTest {

    private static final String PROBLEM = "app/Misused.java:13: app.Misused.hello(): ";

    @Test
    void usingTheClass_throwsTheErrorTheAgentPrinted_thenNoClassDefFoundError() {
        Throwable first = assertThrows(Throwable.class, Misused::hello);
        assertSame(Error.class, first.getClass());
        assertTrue(first.getMessage().startsWith("jasyncio: 1 problem(s) with @Async or await in app.Misused;"
                + " the class cannot be used:"), first.getMessage());
        assertTrue(first.getMessage().contains(PROBLEM), first.getMessage());
        System.out.println("MISUSE first use: " + first);

        Throwable later = assertThrows(NoClassDefFoundError.class, Misused::hello);
        assertEquals("Could not initialize class app.Misused", later.getMessage());
    }
}
