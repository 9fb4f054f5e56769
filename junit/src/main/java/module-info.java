/**
 * {@code @AsyncTest}: JUnit tests written as coroutines, run on a fresh event loop, optionally on
 * virtual time. JUnit Jupiter (5.14 or 6) comes from the user's own test dependencies.
 */
module org.jasyncio.junit {
    requires transitive org.jasyncio;
    requires transitive org.junit.jupiter.api;

    exports org.jasyncio.junit;
}
