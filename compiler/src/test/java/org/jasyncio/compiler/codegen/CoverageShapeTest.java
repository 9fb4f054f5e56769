package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.compiler.Abi;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.testing.ClassFiles;
import org.jasyncio.compiler.testing.Pace;
import org.jasyncio.compiler.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.compiler.testing.Pace.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a coverage tool sees of a rewritten method (JaCoCo counts a line per line number entry and a
 * branch per target of each conditional jump or switch, and skips synthetic and generated methods):
 * the body holds the method's code under its name, not synthetic, with the lines javac wrote and its
 * branches plus exactly the state machine's own (a {@code tableswitch} with one target per await
 * and one for the start, and one test per await); the stub is marked generated. The IT
 * {@code jacoco-coverage} checks the report itself.
 */
class CoverageShapeTest {

    static final class Sample {
        @Async
        static Coroutine<Integer> mixed(int n, boolean suspendInLoop) {
            int total = 0;
            for (int i = 0; i < n; i++) {
                total += suspendInLoop ? await(value(i)) : i;
            }
            switch (n) {
                case 1:
                    total += await(value(10));
                    break;
                case 2:
                    total--;
                    break;
                default:
                    total = 100 + await(value(total));
            }
            try {
                total += await(value(1000));
            } catch (IllegalStateException e) {
                total = -1;
            } finally {
                total += await(value(1));
            }
            return completed(total);
        }
    }

    @Test
    void theBody_hasTheMethodsLinesAndBranchesPlusTheStateMachines_andIsNotSynthetic() {
        MethodNode original = method(read(ClassFiles.of(Sample.class)), "(IZ)" + Abi.COROUTINE_DESC);
        MethodNode body = method(instrumented(), "(L" + Sample.class.getName().replace('.', '/') + "$Async$mixed;"
                + Abi.TRAMPOLINE_DESC + "IIZ)" + Abi.BODY_RETURN_DESC);
        assertEquals(0, body.access & Opcodes.ACC_SYNTHETIC);
        assertEquals(lines(original), lines(body));
        long awaits = StreamSupport.stream(original.instructions.spliterator(), false)
                .filter(insn -> insn instanceof MethodInsnNode call && Abi.isAwait(call.owner, call.name)).count();
        List<String> expected = new ArrayList<>(branches(original));
        expected.add("tableswitch " + (awaits + 1));
        for (int i = 0; i < awaits; i++) {
            expected.add("if " + Opcodes.IF_ACMPNE);
        }
        List<String> actual = branches(body);
        Collections.sort(expected);
        Collections.sort(actual);
        assertEquals(expected, actual);
    }

    @Test
    void theStub_isMarkedGenerated_besidesKeepingItsOwnAnnotations() {
        MethodNode stub = method(instrumented(), "(IZ)" + Abi.COROUTINE_DESC);
        List<String> invisible = stub.invisibleAnnotations.stream().map(annotation -> annotation.desc).toList();
        assertTrue(invisible.contains(Abi.GENERATED_ANNOTATION), invisible.toString());
        assertTrue(invisible.contains(Abi.ASYNC_ANNOTATION), invisible.toString());
    }

    @ParameterizedTest
    @EnumSource(Pace.class)
    void theBody_runsEveryPath_suspendingOrNot(Pace pace) throws Throwable {
        Pace.set(pace);
        assertEquals(100 + (0 + 1 + 2) + 1000 + 1, Samples.run(Sample.class, "mixed", 3, true));
        assertEquals(0 + 10 + 1000 + 1, Samples.run(Sample.class, "mixed", 1, true));
        assertEquals(1 - 1 + 1000 + 1, Samples.run(Sample.class, "mixed", 2, false));
        assertEquals(100 + 1000 + 1, Samples.run(Sample.class, "mixed", 0, false));
    }

    private static ClassNode instrumented() {
        return read(new AsyncCompiler().compile(ClassFiles.of(Sample.class)).classes()
                .get(Sample.class.getName().replace('.', '/')));
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode owner, String descriptor) {
        return owner.methods.stream().filter(m -> m.name.equals("mixed") && m.desc.equals(descriptor)).findFirst()
                .orElseThrow(() -> new AssertionError("no mixed" + descriptor));
    }

    /** The conditional jumps and switches, in order, each with its number of distinct targets. */
    private static List<String> branches(MethodNode method) {
        List<String> branches = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            int opcode = insn.getOpcode();
            if (insn instanceof TableSwitchInsnNode table) {
                branches.add("tableswitch " + distinct(table.dflt, table.labels));
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                branches.add("lookupswitch " + distinct(lookup.dflt, lookup.labels));
            } else if (insn.getType() == AbstractInsnNode.JUMP_INSN && opcode != Opcodes.GOTO) {
                branches.add("if " + opcode);
            }
        }
        return branches;
    }

    private static int distinct(Object dflt, List<?> labels) {
        Set<Object> targets = new HashSet<>(labels);
        targets.add(dflt);
        return targets.size();
    }

    private static Set<Integer> lines(MethodNode method) {
        Set<Integer> lines = new TreeSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode line) {
                lines.add(line.line);
            }
        }
        return lines;
    }
}
