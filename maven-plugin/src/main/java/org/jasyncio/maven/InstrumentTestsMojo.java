package org.jasyncio.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** Rewrites the {@code @Async} methods of the project's test classes into state machines. */
@Mojo(name = "instrument-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {

    /** The test classes. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true, readonly = true)
    private File testOutputDirectory;

    @Override
    File classesDirectory() {
        return testOutputDirectory;
    }
}
