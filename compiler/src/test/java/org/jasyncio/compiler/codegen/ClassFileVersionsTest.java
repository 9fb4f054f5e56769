package org.jasyncio.compiler.codegen;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.compiler.testing.InMemoryJavac;
import org.jasyncio.compiler.testing.InstrumentingLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classes compiled for every supported release are instrumented and run: the Java 8 class has no
 * nestmates (a private field is reached through a synthetic accessor), concatenates with
 * {@code StringBuilder} and has no private interface methods; later ones use indy concatenation and
 * nestmates. Each JDK's javac compiles the releases it knows, so the JDK 17 run covers 8, 11 and 17
 * and the JDK 25 run adds 21 and 25.
 */
class ClassFileVersionsTest {

    private static final String SOURCE = """
            package versions;

            import java.util.ArrayList;
            import java.util.List;
            import org.jasyncio.Coroutine;
            import org.jasyncio.annotation.Async;
            import static org.jasyncio.Asyncio.*;

            public class Sample {
                private int secret = 40;

                interface Named {
                    String name();

                    @Async
                    default Coroutine<String> shout() {
                        await(sleep(0));
                        return completed(name().toUpperCase());
                    }
                }

                final class Inner implements Named {
                    public String name() {
                        return "inner" + secret;
                    }
                }

                @Async
                Coroutine<String> run(long big) {
                    List<String> parts = new ArrayList<String>();
                    for (int i = 0; i < 3; i++) {
                        parts.add("p" + i + await(sleep(0)));
                    }
                    secret += await(completedLater(2));
                    String shout = await(new Inner().shout());
                    return completed(parts + " " + shout + " " + (big + secret));
                }

                @Async
                static Coroutine<Integer> completedLater(int value) {
                    await(sleep(1));
                    return completed(value);
                }

                public static Coroutine<String> start() {
                    return new Sample().run(1L << 40);
                }
            }
            """;

    /** The supported releases this JDK's javac can compile for. */
    static IntStream releases() {
        return IntStream.of(8, 11, 17, 21, 25).filter(release -> release <= Runtime.version().feature());
    }

    @ParameterizedTest
    @MethodSource("releases")
    void classCompiledForRelease_isInstrumented_andRuns(int release) throws Exception {
        Map<String, byte[]> classes = InMemoryJavac.compile("versions.Sample", SOURCE, "--release",
                String.valueOf(release));
        InstrumentingLoader loader = new InstrumentingLoader("versions.", classes);
        Coroutine<?> coroutine = (Coroutine<?>) loader.loadClass("versions.Sample").getMethod("start").invoke(null);
        assertEquals("[p0null, p1null, p2null] INNER42 " + ((1L << 40) + 42), Asyncio.run(coroutine));
    }
}
