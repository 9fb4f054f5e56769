// The library and the app are named modules (module-info.java), instrumented by the plugin and run
// with java --module-path ... --module com.example.app/com.example.app.Crawler.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert new File(basedir, 'lib/target/classes/module-info.class').isFile()
assert new File(basedir, 'app/target/classes/module-info.class').isFile()
assert new File(basedir, 'lib/target/classes/com/example/lib/Fetcher$Async$fetch.class').isFile()
assert lines.contains('MODULE com.example.app com.example.lib org.jasyncio') : 'not run as named modules'
assert lines.contains('LENGTHS [9, 9, 9]') : 'the task group of crawls did not finish'
assert lines.contains('THROWN java.io.FileNotFoundException: /missing')

// The exception was thrown in Fetcher.fetch after its sleep; the frames that awaited it, each
// resumed by the loop, not called by each other, show in its trace with the lines of their awaits,
// and with their modules, as the JVM's own elements do.
def trace = lines.findAll { it.startsWith('TRACE ') }
def expected = ['com.example.lib@1.0/com.example.lib.Fetcher.fetch(Fetcher.java:21)',
                'com.example.app@1.0/com.example.app.Crawler.worker(Crawler.java:29)',
                'com.example.app@1.0/com.example.app.Crawler.crawl(Crawler.java:36)',
                'com.example.app@1.0/com.example.app.Crawler.caught(Crawler.java:56)']
def at = expected.collect { e -> trace.findIndexOf { it.contains(e) } }
println "async stack trace:\n" + trace.join('\n')
assert !at.contains(-1) : "missing from the trace: ${expected.findAll { e -> !trace.any { it.contains(e) } }}"
assert at == at.sort(false) : "out of order: ${at}"

// Where the suspended task waits, innermost first.
def graph = lines.findAll { it.startsWith('GRAPH ') }
println "call graph:\n" + graph.join('\n')
assert graph.any { it.contains('slow-crawl') }
def worker = graph.findIndexOf { it.contains('com.example.app@1.0/com.example.app.Crawler.worker(Crawler.java:28)') }
def crawl = graph.findIndexOf { it.contains('com.example.app@1.0/com.example.app.Crawler.crawl(Crawler.java:36)') }
assert worker >= 0 && crawl > worker : "graph frames: ${graph}"

// Each artifact of the project is the named module its users require.
def jar = { String artifact ->
    new File(localRepositoryPath, "org/jasyncio/${artifact}/${projectVersion}/${artifact}-${projectVersion}.jar")
}
def moduleNames = ['jasyncio-runtime': 'org.jasyncio', 'jasyncio-annotations': 'org.jasyncio.annotation',
                   'jasyncio-agent': 'org.jasyncio.agent', 'jasyncio-junit': 'org.jasyncio.junit']
for (entry in moduleNames) {
    def (artifact, name) = [entry.key, entry.value]
    def found = java.lang.module.ModuleFinder.of(jar(artifact).toPath()).findAll()*.descriptor()
    assert found*.name() == [name] : "${artifact}: ${found}"
    assert !found[0].isAutomatic() : "${artifact} has no module descriptor"
}
