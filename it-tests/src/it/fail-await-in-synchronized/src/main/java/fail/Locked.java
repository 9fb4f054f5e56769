package fail;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

public class Locked {

    private final Object lock = new Object();

    @Async
    public Coroutine<Void> update() {
        synchronized (lock) {
            await(sleep(10));
        }
        return completed();
    }
}
