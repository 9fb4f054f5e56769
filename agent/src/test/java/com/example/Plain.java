package com.example;

/** No {@code @Async} and no {@code await}: the agent leaves it alone. */
public class Plain {

    public static int answer() {
        return 42;
    }
}
