package app;

import java.util.List;

import org.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppTest {

    @Test
    void awaitsTheLibrarysCoroutines() {
        assertEquals("hello, ann; hello, bob; hello, cy", Asyncio.run(App.greetAll(List.of("ann", "bob", "cy"))));
    }
}
