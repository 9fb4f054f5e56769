package inc;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

public class First {

    @Async
    public static Coroutine<String> name() {
        await(sleep(0));
        return completed("first");
    }
}
