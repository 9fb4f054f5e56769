package cov;

import org.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Calls each twin with the same arguments and checks they agree; the report is checked afterwards. */
class TwinsTest {

    private final Twins twins = new Twins();

    @Test
    void loop() {
        assertEquals(twins.loopPlain(3, true), Asyncio.run(twins.loopAsync(3, true)));
        assertEquals(twins.loopPlain(2, false), Asyncio.run(twins.loopAsync(2, false)));
    }

    @Test
    void branches_neverBig() {
        assertEquals(twins.branchesPlain(50), Asyncio.run(twins.branchesAsync(50)));
        assertEquals(twins.branchesPlain(5), Asyncio.run(twins.branchesAsync(5)));
    }

    @Test
    void catching_neverTheSecondHandler() {
        assertEquals(twins.catchingPlain(true), Asyncio.run(twins.catchingAsync(true)));
        assertEquals(twins.catchingPlain(false), Asyncio.run(twins.catchingAsync(false)));
    }

    @Test
    void switch_neverCaseTwo() {
        for (int kind : new int[] {0, 1, 9}) {
            assertEquals(twins.switchPlain(kind), Asyncio.run(twins.switchAsync(kind)));
        }
    }

    @Test
    void finally_onBothPaths() {
        assertEquals(twins.finallyPlain(false), Asyncio.run(twins.finallyAsync(false)));
        assertThrows(IllegalStateException.class, () -> twins.finallyPlain(true));
        assertThrows(IllegalStateException.class, () -> Asyncio.run(twins.finallyAsync(true)));
        assertEquals(4, twins.cleanups);
    }
}
