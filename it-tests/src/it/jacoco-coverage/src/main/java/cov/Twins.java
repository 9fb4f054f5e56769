package cov;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static cov.Steps.failing;
import static cov.Steps.failingPlain;
import static cov.Steps.quick;
import static cov.Steps.quickPlain;
import static cov.Steps.slow;
import static cov.Steps.slowPlain;

/**
 * Each method twice, line for line: {@code xAsync} awaits where {@code xPlain} calls. The tests call
 * both alike, so JaCoCo must count the same lines and branches, covered and missed, for each pair.
 */
public class Twins {

    int cleanups;

    @Async
    Coroutine<Integer> loopAsync(int n, boolean suspend) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += suspend ? await(slow(i)) : await(quick(i));
        }
        if (n < 0) {
            throw new IllegalArgumentException("never: the tests pass no negative count");
        }
        return completed(total);
    }

    int loopPlain(int n, boolean suspend) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += suspend ? slowPlain(i) : quickPlain(i);
        }
        if (n < 0) {
            throw new IllegalArgumentException("never: the tests pass no negative count");
        }
        return total;
    }

    @Async
    Coroutine<String> branchesAsync(int x) {
        String kind;
        if (x > 100) {
            kind = "big";
            kind += await(slow(x));
        } else if (x > 10) {
            kind = "middle" + await(quick(x));
        } else {
            kind = "small" + await(slow(x));
        }
        return completed(kind);
    }

    String branchesPlain(int x) {
        String kind;
        if (x > 100) {
            kind = "big";
            kind += slowPlain(x);
        } else if (x > 10) {
            kind = "middle" + quickPlain(x);
        } else {
            kind = "small" + slowPlain(x);
        }
        return kind;
    }

    @Async
    Coroutine<Integer> catchingAsync(boolean fail) {
        int value;
        try {
            value = await(failing(fail));
        } catch (IllegalStateException e) {
            value = -1;
        } catch (RuntimeException e) {
            value = -2;
        }
        return completed(value);
    }

    int catchingPlain(boolean fail) {
        int value;
        try {
            value = failingPlain(fail);
        } catch (IllegalStateException e) {
            value = -1;
        } catch (RuntimeException e) {
            value = -2;
        }
        return value;
    }

    @Async
    Coroutine<Integer> switchAsync(int kind) {
        int result;
        switch (kind) {
            case 0:
                result = await(quick(1));
                break;
            case 1:
                result = await(slow(2));
                break;
            case 2:
                result = await(slow(3)) + await(quick(3));
                break;
            default:
                result = -1;
        }
        return completed(result);
    }

    int switchPlain(int kind) {
        int result;
        switch (kind) {
            case 0:
                result = quickPlain(1);
                break;
            case 1:
                result = slowPlain(2);
                break;
            case 2:
                result = slowPlain(3) + quickPlain(3);
                break;
            default:
                result = -1;
        }
        return result;
    }

    @Async
    Coroutine<Integer> finallyAsync(boolean fail) {
        int value = 0;
        try {
            value = await(failing(fail));
        } finally {
            cleanups += await(slow(0));
        }
        return completed(value);
    }

    int finallyPlain(boolean fail) {
        int value = 0;
        try {
            value = failingPlain(fail);
        } finally {
            cleanups += slowPlain(0);
        }
        return value;
    }

    @Async
    Coroutine<Integer> neverCalledAsync(int x) {
        int doubled = await(quick(x));
        if (doubled > 4) {
            return completed(await(slow(doubled)));
        }
        return completed(doubled);
    }

    int neverCalledPlain(int x) {
        int doubled = quickPlain(x);
        if (doubled > 4) {
            return slowPlain(doubled);
        }
        return doubled;
    }
}
