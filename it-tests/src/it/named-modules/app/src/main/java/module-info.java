module com.example.app {
    requires com.example.lib;
    requires static org.jasyncio.annotation;
}
