package fail;

import org.jasyncio.annotation.Async;

public class Named {

    @Async
    public static String name() {
        return "x";
    }

    @Async
    public static int count() {
        return 1;
    }
}
