package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jasyncio.testing.SourceLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.connect.VMStartException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;

/**
 * A debugger on an {@code @Async} method (API rule 8), through JDI as an IDE uses it: launches
 * {@link DebuggedProgram}, stops at a breakpoint on the line after an {@code await} once the
 * method has really suspended and been resumed, sees its locals by name with their values, in a
 * frame that carries the method's own name, and steps over to the next line.
 */
class DebuggerTest {

    /** How long to wait for the debuggee's next event; it needs a fraction of that. */
    private static final long EVENT_TIMEOUT_MILLIS = 30_000;

    private VirtualMachine vm;

    @AfterEach
    void stopTheDebuggee() {
        if (vm != null) {
            vm.exit(0);
        }
    }

    @Test
    void aBreakpointAfterAnAwait_showsTheLocals_andStepsOverTheNextLine() throws Exception {
        vm = launch(DebuggedProgram.class.getName());
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(DebuggedProgram.class.getName());
        prepare.enable();
        ReferenceType program = next(ClassPrepareEvent.class).referenceType();

        int afterAwait = SourceLines.of(DebuggedProgram.class, "after-await");
        List<Location> locations = program.locationsOfLine(afterAwait);
        assertFalse(locations.isEmpty(), "no code at line " + afterAwait);
        for (Location location : locations) {
            BreakpointRequest breakpoint = vm.eventRequestManager().createBreakpointRequest(location);
            breakpoint.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            breakpoint.enable();
        }
        vm.resume();

        BreakpointEvent stop = next(BreakpointEvent.class);
        StackFrame frame = stop.thread().frame(0);
        assertEquals("work", frame.location().method().name());
        assertEquals(afterAwait, frame.location().lineNumber());
        assertEquals(1, stateOfTheCoroutine(stop.thread().frame(1)), "stopped before the method suspended");
        Map<String, Value> locals = locals(frame);
        assertEquals(5, ((IntegerValue) locals.get("start")).value());
        assertEquals(5, ((IntegerValue) locals.get("total")).value());
        assertEquals("total", ((StringReference) locals.get("label")).value());

        ThreadReference thread = stop.thread();
        vm.eventRequestManager().deleteEventRequests(vm.eventRequestManager().breakpointRequests());
        StepRequest step = vm.eventRequestManager().createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
        step.addCountFilter(1);
        step.enable();
        vm.resume();

        StackFrame stepped = next(StepEvent.class).thread().frame(0);
        assertEquals(SourceLines.of(DebuggedProgram.class, "next"), stepped.location().lineNumber());
        assertEquals(15, ((IntegerValue) locals(stepped).get("total")).value());
    }

    /**
     * The state of the coroutine whose {@code resume()} runs in {@code resume}, the frame under the
     * body's: 0 before its first suspension, then the number of the await it last suspended at.
     */
    private static int stateOfTheCoroutine(StackFrame resume) {
        assertEquals("resume", resume.location().method().name());
        ObjectReference coroutine = resume.thisObject();
        return ((IntegerValue) coroutine.getValue(coroutine.referenceType().fieldByName("state"))).value();
    }

    private static Map<String, Value> locals(StackFrame frame) throws AbsentInformationException {
        Map<String, Value> values = new HashMap<>();
        for (LocalVariable variable : frame.visibleVariables()) {
            values.put(variable.name(), frame.getValue(variable));
        }
        return values;
    }

    private VirtualMachine launch(String mainClass)
            throws IOException, IllegalConnectorArgumentsException, VMStartException {
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("main").setValue(mainClass);
        arguments.get("options").setValue("-cp \"" + System.getProperty("java.class.path") + "\"");
        VirtualMachine launched = connector.launch(arguments);
        drain(launched.process().getInputStream());
        drain(launched.process().getErrorStream());
        return launched;
    }

    /** Reads the debuggee's output away, so that it never blocks on a full pipe. */
    private static void drain(InputStream output) {
        Thread reader = new Thread(() -> {
            try {
                output.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the debuggee exited
            }
        }, "debuggee output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The next event of {@code type}, its thread (or the whole debuggee) left suspended; the
     * debuggee's other events (its start, which it launches suspended at) are let pass, each
     * resuming what it suspended, so that every suspension is undone exactly once.
     */
    private <E extends Event> E next(Class<E> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + EVENT_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            EventSet events = vm.eventQueue().remove(deadline - System.currentTimeMillis());
            if (events == null) {
                break;
            }
            for (Event event : events) {
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
            }
            events.resume();
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + EVENT_TIMEOUT_MILLIS + " ms");
    }
}
