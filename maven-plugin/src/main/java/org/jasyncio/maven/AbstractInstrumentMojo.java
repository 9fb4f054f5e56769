package org.jasyncio.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jasyncio.compiler.Diagnostic;

import java.io.File;
import java.io.IOException;

/** What both goals share: instrument one directory of class files, or fail listing every problem. */
abstract class AbstractInstrumentMojo extends AbstractMojo {

    /** Skips instrumentation. */
    @Parameter(property = "jasyncio.skip", defaultValue = "false")
    private boolean skip;

    /** The directory of class files this goal instruments. */
    abstract File classesDirectory();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jasyncio: skipped");
            return;
        }
        ClassDirectoryInstrumenter.Report report;
        try {
            report = new ClassDirectoryInstrumenter().instrument(classesDirectory().toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("jasyncio: cannot instrument " + classesDirectory() + ": " + e, e);
        }
        if (!report.problems().isEmpty()) {
            StringBuilder message = new StringBuilder("jasyncio: " + report.problems().size()
                    + " problem(s) with @Async or await; no class was rewritten:");
            for (Diagnostic problem : report.problems()) {
                message.append(System.lineSeparator()).append(problem);
            }
            throw new MojoFailureException(message.toString());
        }
        getLog().info(report.summary());
    }
}
