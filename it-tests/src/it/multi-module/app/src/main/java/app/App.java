package app;

import java.util.List;

import greetings.Greeter;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;

public class App {

    @Async
    public static Coroutine<String> greetAll(List<String> names) {
        Greeter greeter = new Greeter();
        String first = await(greeter.greet(names.get(0)));
        List<String> rest = await(gather(greeter.greet(names.get(1)), greeter.greet(names.get(2))));
        return completed(first + "; " + String.join("; ", rest));
    }
}
