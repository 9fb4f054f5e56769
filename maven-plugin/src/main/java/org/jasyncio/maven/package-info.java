/**
 * The Maven plugin: goals {@code instrument} and {@code instrument-tests} run the jasyncio compiler
 * over a project's classes after javac.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.jasyncio</groupId>
 *   <artifactId>jasyncio-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>instrument</goal><goal>instrument-tests</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
package org.jasyncio.maven;
