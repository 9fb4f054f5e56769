package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jasyncio.net.Connection;
import org.jasyncio.net.ConnectionHandler;
import org.jasyncio.net.DatagramProtocol;
import org.jasyncio.net.DatagramTransport;
import org.jasyncio.net.IncompleteReadException;
import org.jasyncio.net.LimitOverrunException;
import org.jasyncio.net.Protocol;
import org.jasyncio.net.Server;
import org.jasyncio.net.StreamOptions;
import org.jasyncio.net.Streams;
import org.jasyncio.net.Transport;
import org.jasyncio.queues.LifoQueue;
import org.jasyncio.queues.PriorityQueue;
import org.jasyncio.queues.Queue;
import org.jasyncio.queues.QueueEmptyException;
import org.jasyncio.queues.QueueFullException;
import org.jasyncio.queues.QueueShutDownException;
import org.jasyncio.sync.Barrier;
import org.jasyncio.sync.BoundedSemaphore;
import org.jasyncio.sync.Condition;
import org.jasyncio.sync.Event;
import org.jasyncio.sync.Lock;
import org.jasyncio.sync.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * The public contract's names and signatures, sections 2b, 4, 5 and 6: this class compiles only if
 * each is there with the types the contract gives (a method reference to it fits the function type
 * spelled out from the contract), and the tests check what the compiler cannot: which checked
 * exceptions are declared, and where each exception type sits in the hierarchy.
 */
class ApiContractTest {

    interface Call3<A, B, C, R> {
        R apply(A a, B b, C c) throws Exception;
    }

    interface Call2<A, B, R> {
        R apply(A a, B b) throws Exception;
    }

    interface Call1<A, R> {
        R apply(A a) throws Exception;
    }

    @Test
    void section2b_structuredConcurrencyThreadsAndContext_signatures() {
        Call1<Function<? super TaskGroup, ? extends Awaitable<String>>, Coroutine<String>> taskGroup = Asyncio::taskGroup;
        BiFunction<TaskGroup, Coroutine<String>, Task<String>> groupTask = TaskGroup::createTask;
        Call3<TaskGroup, Coroutine<String>, String, Task<String>> namedGroupTask = TaskGroup::createTask;
        Function<TaskGroupException, List<Throwable>> exceptions = TaskGroupException::exceptions;
        Call2<Duration, Function<? super Timeout, ? extends Awaitable<String>>, Coroutine<String>> timeout = Asyncio::timeout;
        Call2<Long, Function<? super Timeout, ? extends Awaitable<String>>, Coroutine<String>> timeoutAt = Asyncio::timeoutAt;
        Function<Timeout, Long> when = Timeout::when;
        BiFunction<Timeout, Long, Object> reschedule = (t, at) -> {
            t.reschedule(at);
            return t.expired();
        };
        Function<Awaitable<String>, Coroutine<String>> shield = Asyncio::shield;
        BiFunction<Collection<Task<String>>, ReturnWhen, Coroutine<Waited<Task<String>>>> wait = Asyncio::wait;
        Call3<Collection<Task<String>>, ReturnWhen, Duration, Coroutine<Waited<Task<String>>>> waitTimed = Asyncio::wait;
        Function<Waited<Task<String>>, Set<Task<String>>> done = Waited::done;
        Function<Waited<Task<String>>, Set<Task<String>>> pending = Waited::pending;
        Function<Collection<? extends Awaitable<? extends String>>, Iterable<Coroutine<String>>> asCompleted = Asyncio::asCompleted;
        Call2<Collection<? extends Awaitable<? extends String>>, Duration, Iterable<Coroutine<String>>> asCompletedTimed = Asyncio::asCompleted;
        Supplier<Task<?>> currentTask = Asyncio::currentTask;
        Supplier<Set<Task<?>>> allTasks = Asyncio::allTasks;
        BiFunction<Coroutine<String>, String, Task<String>> namedTask = Asyncio::createTask;
        Call3<EventLoop, Coroutine<String>, String, Task<String>> loopNamedTask = EventLoop::createTask;
        Function<Task<String>, String> name = Task::getName;
        BiFunction<Task<String>, String, Boolean> cancelWithMessage = Task::cancel;
        Function<Callable<String>, Coroutine<String>> toThread = Asyncio::toThread;
        Call3<EventLoop, Executor, Callable<String>, Future<String>> runInExecutor = EventLoop::runInExecutor;
        BiFunction<EventLoop, ExecutorService, Object> setDefaultExecutor = (loop, executor) -> {
            loop.setDefaultExecutor(executor);
            return loop;
        };
        BiFunction<Coroutine<String>, EventLoop, CompletableFuture<String>> threadsafe = Asyncio::runCoroutineThreadsafe;
        Supplier<Runner> runner = Runner::new;
        BiFunction<Runner, Coroutine<String>, String> run = Runner::run;
        Function<Runner, EventLoop> runnerLoop = Runner::getLoop;
        ExceptionHandler handler = (loop, context) -> {
            String message = context.message();
            Throwable exception = context.exception();
            Task<?> task = context.task();
            Future<?> future = context.future();
            loop.setExceptionHandler(null);
            loop.setDebug(loop.isDebug());
            loop.setSlowCallbackDuration(Duration.ofMillis(100));
            assertTrue(message != null || exception != null || task != null || future != null);
        };
        Function<String, ContextVar<String>> contextVar = ContextVar::new;
        BiFunction<String, String, ContextVar<String>> contextVarWithDefault = ContextVar::new;
        BiFunction<ContextVar<String>, String, ContextVar.Token<String>> set = ContextVar::set;
        Function<ContextVar<String>, String> get = ContextVar::get;
        BiFunction<ContextVar<String>, ContextVar.Token<String>, Object> reset = (variable, token) -> {
            variable.reset(token);
            return variable;
        };
        assertEquals(39, List.of(taskGroup, groupTask, namedGroupTask, exceptions, timeout, timeoutAt, when, reschedule,
                shield, wait, waitTimed, done, pending, asCompleted, asCompletedTimed, currentTask, allTasks, namedTask,
                loopNamedTask, name, cancelWithMessage, toThread, runInExecutor, setDefaultExecutor, threadsafe,
                runner, run, runnerLoop, handler, contextVar, contextVarWithDefault, set, get, reset,
                (Supplier<ReturnWhen>) () -> ReturnWhen.FIRST_COMPLETED,
                (Supplier<ReturnWhen>) () -> ReturnWhen.FIRST_EXCEPTION,
                (Supplier<ReturnWhen>) () -> ReturnWhen.ALL_COMPLETED,
                (Function<Runner, Object>) r -> {
                    r.close();
                    return r;
                },
                (Function<Task<String>, Integer>) t -> t.cancelling() + t.uncancel()).size());
    }

    @Test
    void section2b_declaredExceptions() throws NoSuchMethodException {
        assertDeclares(Asyncio.class.getMethod("timeout", Duration.class, Function.class), TimeoutException.class);
        assertDeclares(Asyncio.class.getMethod("timeoutAt", long.class, Function.class), TimeoutException.class);
        assertDeclares(Asyncio.class.getMethod("asCompleted", Collection.class, Duration.class), TimeoutException.class);
        assertDeclares(Runner.class.getMethod("close"));
        assertTrue(RuntimeException.class.isAssignableFrom(TaskGroupException.class));
    }

    @Test
    void section4_syncAndQueues_signatures() throws NoSuchMethodException {
        Function<Lock, Coroutine<Void>> lock = Lock::acquire;
        Function<Event, Coroutine<Void>> event = Event::waitUntilSet;
        Function<Lock, Condition> conditionOnLock = Condition::new;
        Function<Condition, Coroutine<Void>> waitSignal = Condition::waitSignal;
        BiFunction<Condition, BooleanSupplier, Coroutine<Void>> waitUntil = Condition::waitUntil;
        Function<Integer, Semaphore> semaphore = Semaphore::new;
        Function<Integer, BoundedSemaphore> bounded = BoundedSemaphore::new;
        Function<Integer, Barrier> barrier = Barrier::new;
        Call1<Barrier, Coroutine<Integer>> arrive = Barrier::arriveAndWait;
        BiFunction<Queue<String>, String, Coroutine<Void>> put = Queue::put;
        Function<Queue<String>, Coroutine<String>> take = Queue::get;
        Function<Queue<String>, Coroutine<Void>> join = Queue::join;
        Function<Integer, Queue<String>> bounded2 = Queue::new;
        Supplier<PriorityQueue<String>> priority = PriorityQueue::new;
        Supplier<LifoQueue<String>> lifo = LifoQueue::new;
        Queue<String> asQueue = new PriorityQueue<>(String.CASE_INSENSITIVE_ORDER);
        Queue<String> lifoQueue = new LifoQueue<>();
        Semaphore boundedIsASemaphore = new BoundedSemaphore(1);
        assertEquals(0, new Queue<String>().maxSize());
        assertEquals(21, List.of(lock, event, conditionOnLock, waitSignal, waitUntil, semaphore, bounded, barrier,
                arrive, put, take, join, bounded2, priority, lifo, asQueue, lifoQueue, boundedIsASemaphore,
                (Supplier<Condition>) Condition::new, (Supplier<Lock>) Lock::new, (Supplier<Event>) Event::new).size());

        assertDeclares(Barrier.class.getMethod("arriveAndWait"), BrokenBarrierException.class);
        for (Class<?> unchecked : List.of(QueueFullException.class, QueueEmptyException.class, QueueShutDownException.class)) {
            assertTrue(RuntimeException.class.isAssignableFrom(unchecked), unchecked + " is unchecked");
        }
    }

    @Test
    void section5_networking_signaturesAndDeclaredExceptions() throws NoSuchMethodException {
        Call2<String, Integer, Coroutine<Connection>> open = Streams::openConnection;
        Call3<String, Integer, StreamOptions, Coroutine<Connection>> openWithOptions = Streams::openConnection;
        Call1<Path, Coroutine<Connection>> openUnix = Streams::openUnixConnection;
        Call3<ConnectionHandler, String, Integer, Coroutine<Server>> start = Streams::startServer;
        Call2<ConnectionHandler, Path, Coroutine<Server>> startUnix = Streams::startUnixServer;
        Call3<EventLoop, Supplier<? extends Protocol>, String, Object> connect = (loop, factory, host) ->
                List.<Coroutine<?>>of(loop.createConnection(factory, host, 1), loop.createServer(factory, host, 0));
        Call3<EventLoop, Supplier<? extends DatagramProtocol>, InetSocketAddress, Coroutine<DatagramTransport>> datagram =
                (loop, factory, local) -> loop.createDatagramEndpoint(factory, local, null);
        Call3<EventLoop, SocketChannel, ByteBuffer, Object> sockets = (loop, channel, buffer) -> List.<Coroutine<?>>of(
                loop.sockConnect(channel, new InetSocketAddress(0)), loop.sockRecv(channel, buffer),
                loop.sockSendAll(channel, buffer), loop.sockAccept(ServerSocketChannel.open()));
        BiFunction<EventLoop, SelectableChannel, Boolean> readers = (loop, channel) -> {
            loop.addReader(channel, () -> { });
            loop.addWriter(channel, () -> { });
            return loop.removeReader(channel) & loop.removeWriter(channel);
        };
        Function<Connection, Object> halves = connection -> List.of(connection.reader(), connection.writer());
        Function<Transport, Object> transport = t -> t.channel();
        assertEquals(11, List.of(open, openWithOptions, openUnix, start, startUnix, connect, datagram, sockets, readers,
                halves, transport).size());

        for (Method method : Streams.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() == Streams.class) {
                assertDeclares(method, IOException.class);
            }
        }
        assertDeclares(EventLoop.class.getMethod("createConnection", Supplier.class, String.class, int.class), IOException.class);
        assertDeclares(ConnectionHandler.class.getMethod("handle", org.jasyncio.net.StreamReader.class,
                org.jasyncio.net.StreamWriter.class), Exception.class);
        assertTrue(EOFException.class.isAssignableFrom(IncompleteReadException.class));
        assertTrue(IOException.class.isAssignableFrom(LimitOverrunException.class));
    }

    @Test
    void section6_callGraphs_signatures() {
        Function<Future<?>, CallGraph> capture = Asyncio::captureCallGraph;
        Function<Future<?>, String> format = Asyncio::formatCallGraph;
        BiFunction<Future<?>, PrintStream, Object> print = (future, out) -> {
            Asyncio.printCallGraph(future, out);
            return out;
        };
        Function<CallGraph, Object> parts = graph -> List.of(graph.future(), graph.frames(), graph.awaitedBy());
        assertEquals(4, List.of(capture, format, print, parts).size());
    }

    private static void assertDeclares(Method method, Class<?>... exceptions) {
        assertArrayEquals(exceptions, method.getExceptionTypes(), method + " declares " + List.of(method.getExceptionTypes()));
    }
}
