/**
 * The demos: the asyncio tutorial's promises, run and measured. {@link org.jasyncio.demos.Demos}
 * runs them all.
 *
 * <pre>{@code
 * Tutorial tutorial = new Tutorial(Duration.ofSeconds(1));
 * Asyncio.run(tutorial.sequential());   // about 2 s
 * Asyncio.run(tutorial.gathered());     // about 1 s
 * }</pre>
 */
package org.jasyncio.demos;
