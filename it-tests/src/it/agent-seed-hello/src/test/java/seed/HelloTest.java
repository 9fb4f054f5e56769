package seed;

import java.util.List;

import org.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelloTest {

    @Test
    void sequentialThenGathered() {
        Hello hello = new Hello();
        long start = System.nanoTime();
        assertEquals(List.of("Hello", "World"), Asyncio.run(hello.sequential()));
        long sequential = System.nanoTime() - start;
        start = System.nanoTime();
        assertEquals(List.of("Hello", "World"), Asyncio.run(hello.gathered()));
        long gathered = System.nanoTime() - start;
        assertEquals(List.of("Hello", "World", "Hello", "World"), hello.said);
        System.out.printf("SEED sequential-ms=%d gathered-ms=%d%n", sequential / 1_000_000, gathered / 1_000_000);
    }
}
