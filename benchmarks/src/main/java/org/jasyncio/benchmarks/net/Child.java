package org.jasyncio.benchmarks.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process the benchmarks start, each alternative in a JVM (or Python) of its own, so that none
 * inherits another's compiled code, heap or threads. The child's standard error goes to ours; its
 * standard output is read line by line: lines starting with {@link #RESULT} are the answers, the
 * others are copied to our output. The child reads its instructions, if any, on its standard input.
 *
 * <p>Thread rule: one thread uses a child.
 */
final class Child implements AutoCloseable {

    /** How a child's answer line starts. */
    static final String RESULT = "RESULT ";

    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final PrintStream echo;

    private Child(String name, Process process, PrintStream echo) {
        this.name = name;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
        this.echo = echo;
    }

    /** Starts {@code command}, named {@code name} in messages; what it prints that is no answer goes to {@code echo}. */
    static Child start(String name, List<String> command, PrintStream echo) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new Child(name, builder.start(), echo);
    }

    /**
     * Starts {@code main} in a new JVM of this JVM's kind and class path, with {@code jvmOptions}
     * and {@code arguments}.
     */
    static Child startJava(String name, List<String> jvmOptions, Class<?> main, List<String> arguments,
            PrintStream echo) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-classpath");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(arguments);
        return start(name, command, echo);
    }

    /** The child's next answer, without {@link #RESULT}. */
    String answer() throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(RESULT)) {
                return line.substring(RESULT.length());
            }
            echo.println(line);
        }
        throw new IOException(name + " ended without answering (exit code " + exitCode() + "); its errors are above");
    }

    /** Sends {@code line} to the child's standard input. */
    void tell(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    private int exitCode() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Closes the child's standard input, copies what it prints meanwhile, and waits for it to end. */
    @Override
    public void close() throws IOException {
        in.close();
        for (String line; (line = out.readLine()) != null; ) {
            echo.println(line);
        }
        int code = exitCode();
        if (code != 0) {
            throw new IOException(name + " failed with exit code " + code + "; its errors are above");
        }
    }
}
