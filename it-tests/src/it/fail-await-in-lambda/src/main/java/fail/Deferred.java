package fail;

import java.util.function.Supplier;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;

public class Deferred {

    @Async
    public static Coroutine<String> later() {
        Supplier<String> value = () -> await(completed("x"));
        return completed(value.get());
    }
}
