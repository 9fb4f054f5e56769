package org.jasyncio.compiler;

import org.jasyncio.compiler.analysis.MethodAnalyzer;
import org.jasyncio.compiler.analysis.MethodPlan;
import org.jasyncio.compiler.check.Checks;
import org.jasyncio.compiler.codegen.BodyRewriter;
import org.jasyncio.compiler.codegen.DirectEntryWriter;
import org.jasyncio.compiler.codegen.FrameClassWriter;
import org.jasyncio.compiler.codegen.FrameShape;
import org.jasyncio.compiler.codegen.Lowering;
import org.jasyncio.compiler.codegen.StubWriter;
import org.jasyncio.compiler.codegen.TestRunnerWriter;
import org.jasyncio.compiler.scan.ClassScan;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's one entry point: class file bytes in, instrumented class files out.
 *
 * <p>Stateless and thread-safe; usable from a Maven plugin, a javaagent or a unit test alike. It
 * needs no other class than the one it is given: the types it saves across a suspension come from
 * the class file's own stack map frames.
 *
 * <p>For each {@code @Async} method {@code m} of class {@code C} it produces: a stub with
 * {@code m}'s declaration that returns a new frame capturing the arguments, marked generated; the
 * state machine body, a method also named {@code m} (so that stack traces and coverage reports show
 * the user's method and lines; private where the class file allows it) that takes its frame, its task,
 * the state to start in and the arguments; the direct entry {@code m$direct} (Java 7+ class files),
 * which runs the body with no frame for the sites that await {@code m(args)} at once; and the frame
 * class {@code C$Async$m}. In the body, each {@code await(f(args))} becomes an
 * {@code invokedynamic} bound, when it first runs, to {@code f}'s direct entry if it has one. The rewritten class is marked, so that a
 * second run recognises it and leaves it alone. An {@code @AsyncTest} method is compiled as
 * {@code @Async}, and its stub then gives its name to a {@code void} method JUnit runs
 * ({@link TestRunnerWriter}).
 */
public final class AsyncCompiler {

    /** The oldest class file version with the stack map frames the compiler reads types from (Java 6). */
    private static final int OLDEST_VERSION = Opcodes.V1_6;

    /** Rewrites every {@code @Async} method of one class file into a resumable state machine. */
    public CompileResult compile(byte[] classFile) {
        ClassScan scan = ClassScan.of(classFile);
        if (scan.instrumented()) {
            return new CompileResult(CompileResult.Status.ALREADY_INSTRUMENTED, Map.of(), List.of());
        }
        if (!scan.needsWork()) {
            return new CompileResult(CompileResult.Status.UNTOUCHED, Map.of(), List.of());
        }
        ClassNode owner = new ClassNode();
        new ClassReader(classFile).accept(owner, ClassReader.EXPAND_FRAMES);
        List<Diagnostic> problems = new ArrayList<>(Checks.run(owner));
        if (!problems.isEmpty()) {
            return rejected(problems);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, Integer> overloads = new HashMap<>();
        List<MethodNode> methods = new ArrayList<>();
        Map<String, MethodNode> stubsByBody = new HashMap<>();
        for (MethodNode method : owner.methods) {
            if (!Where.isAsync(method)) {
                methods.add(method);
                continue;
            }
            if ((owner.version & 0xFFFF) < OLDEST_VERSION) {
                problems.add(Where.at(owner, method, null, "the class file is older than Java 6 and has no"
                        + " stack map frames; compile it with --release 8 or newer."));
                continue;
            }
            int seen = overloads.merge(method.name, 1, Integer::sum);
            FrameShape shape = FrameShape.of(owner, method, seen == 1 ? "" : "$" + seen);
            int firstLine = Where.firstLine(method);
            Lowering.lowerReturns(method);
            Lowering.foldCompletedAwaits(method);
            Lowering.relocateConstructions(owner, method, problems::add);
            MethodPlan plan = MethodAnalyzer.plan(owner, method, problems::add);
            MethodNode stub = StubWriter.stubFor(method, shape, firstLine);
            stubsByBody.put(method.name + shape.bodyDescriptor(), stub);
            methods.add(stub);
            MethodNode coroutine = stub;
            if (Where.isAsyncTest(method)) {
                coroutine = TestRunnerWriter.splitStub(owner, stub, firstLine);
                methods.add(coroutine);
            }
            boolean directCalls = (owner.version & 0xFFFF) >= Opcodes.V1_7;
            boolean directEntry = directCalls && DirectEntryWriter.wanted(method, shape);
            BodyRewriter.rewrite(method, shape, plan, directCalls);
            asBody(method, shape);
            if (directEntry) {
                methods.add(DirectEntryWriter.entryFor(coroutine, method, shape, owner.access));
            }
            if (shape.nestmate()) {
                if (owner.nestMembers == null) {
                    owner.nestMembers = new ArrayList<>();
                }
                owner.nestMembers.add(shape.name());
            }
            methods.add(method);
            classes.put(shape.name(), FrameClassWriter.write(shape, plan, method.name, owner, firstLine));
            owner.innerClasses.add(shape.memberEntry());
        }
        if (!problems.isEmpty()) {
            return rejected(problems);
        }
        owner.methods = methods;
        if (owner.invisibleAnnotations == null) {
            owner.invisibleAnnotations = new ArrayList<>();
        }
        owner.invisibleAnnotations.add(new AnnotationNode(Abi.INSTRUMENTED_ANNOTATION));
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        owner.accept(writer);
        try {
            classes.put(owner.name, writer.toByteArray());
        } catch (MethodTooLargeException e) {
            MethodNode method = stubsByBody.get(e.getMethodName() + e.getDescriptor());
            if (method == null) {
                throw e;
            }
            return rejected(List.of(Where.at(owner, method, null, "the state machine of this method needs "
                    + e.getCodeSize() + " bytes of bytecode, over the JVM's limit of 65535 per method. Split the"
                    + " method into smaller @Async methods and await them.")));
        } catch (ClassTooLargeException e) {
            return rejected(List.of(new Diagnostic(Where.sourceFile(owner), -1, owner.name.replace('/', '.'),
                    "(class)", "the instrumented class needs " + e.getConstantPoolCount() + " constant pool"
                    + " entries, over the JVM's limit of 65535. Split the class.")));
        }
        return new CompileResult(CompileResult.Status.INSTRUMENTED, classes, List.of());
    }

    /**
     * Makes the rewritten method a body: private, reachable from the frame class as its nestmate, or,
     * where the class file cannot have the frame in its nest, package-private (public in an interface,
     * which allows nothing in between); stripped of what the stub now declares. It is
     * synthetic only when the user's method was (an async lambda's), since coverage tools skip
     * synthetic methods, and this one holds the user's code.
     */
    private static void asBody(MethodNode body, FrameShape shape) {
        int kept = body.access
                & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_STRICT | Opcodes.ACC_SYNTHETIC);
        if (shape.nestmate()) {
            body.access = kept | Opcodes.ACC_PRIVATE;
        } else {
            body.access = kept | (shape.ownerIsInterface() ? Opcodes.ACC_PUBLIC : 0);
        }
        body.visibleAnnotations = null;
        body.invisibleAnnotations = null;
        body.visibleTypeAnnotations = null;
        body.invisibleTypeAnnotations = null;
        body.visibleParameterAnnotations = null;
        body.invisibleParameterAnnotations = null;
        body.visibleAnnotableParameterCount = 0;
        body.invisibleAnnotableParameterCount = 0;
        body.parameters = null;
        body.attrs = null;
    }

    private static CompileResult rejected(List<Diagnostic> problems) {
        return new CompileResult(CompileResult.Status.REJECTED, Map.of(), problems);
    }
}
