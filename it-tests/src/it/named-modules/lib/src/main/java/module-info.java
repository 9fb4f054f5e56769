module com.example.lib {
    requires transitive org.jasyncio;
    requires static org.jasyncio.annotation;

    exports com.example.lib;
}
