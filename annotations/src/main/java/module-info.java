/**
 * The {@code @Async} annotation. It has class retention, so user modules need it only to compile:
 * {@code requires static org.jasyncio.annotation;}.
 */
module org.jasyncio.annotation {
    exports org.jasyncio.annotation;
}
