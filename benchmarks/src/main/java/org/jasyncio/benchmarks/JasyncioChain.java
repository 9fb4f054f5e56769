package org.jasyncio.benchmarks;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

/**
 * await-chain with jasyncio: {@link #caller} awaits {@link #mid}, which awaits {@link #leaf}; none of
 * them suspends. In a class of its own, so that a benchmark can keep the JIT from inlining the chain
 * ({@code -XX:CompileCommand=dontinline,org.jasyncio.benchmarks.JasyncioChain*::*}, which also covers
 * the frame classes), as a large or megamorphic method is not inlined in a real program.
 */
final class JasyncioChain {

    private JasyncioChain() {
    }

    /** Completes at once with {@code x}; it could suspend, so it is a real coroutine, not a constant. */
    @Async
    static Coroutine<Integer> leaf(int x) {
        if (x < 0) {
            await(sleep(0));
        }
        return completed(x);
    }

    @Async
    static Coroutine<Integer> mid(int i) {
        int value = await(leaf(i & ChainWorkload.SMALL));
        return completed(value + 1);
    }

    /** {@code calls} awaits of {@code mid}, each awaiting {@code leaf}: 2 awaits a call. */
    @Async
    static Coroutine<Integer> caller(int calls) {
        int sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += await(mid(i));
        }
        return completed(sum);
    }
}
