import java.util.jar.JarFile

// No plugin: the classes on disk stay as javac wrote them, and the agent rewrites them as they load.
// Two 1 s sleeps awaited one after the other take about 2 s; gathered, about 1 s.
def log = new File(basedir, 'build.log').text
assert !log.contains('class(es) instrumented') : 'the plugin ran'
assert !new File(basedir, 'target/classes/seed/Hello$Async$sayAfter.class').exists() : 'a frame class is on disk'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
def m = log =~ /SEED sequential-ms=(\d+) gathered-ms=(\d+)/
assert m.find() : 'the test printed no timings'
def sequential = m.group(1) as long
def gathered = m.group(2) as long
println "with the agent: sequential ${sequential} ms, gathered ${gathered} ms"
assert sequential >= 1900 && sequential < 3500 : "sequential took ${sequential} ms"
assert gathered >= 900 && gathered < 1800 : "gathered took ${gathered} ms"

// The jar the test ran with: an agent's manifest, and ASM and the compiler only under the agent's package.
def jars = new File(localRepositoryPath, 'org/jasyncio/jasyncio-agent').listFiles().collectMany { version ->
    version.listFiles().findAll { it.name ==~ /jasyncio-agent-.*\.jar/ }
}
assert jars.size() == 1 : "agent jars: ${jars}"
new JarFile(jars[0]).withCloseable { jar ->
    def manifest = jar.manifest.mainAttributes
    assert manifest.getValue('Premain-Class') == 'org.jasyncio.agent.JasyncioAgent'
    assert manifest.getValue('Agent-Class') == 'org.jasyncio.agent.JasyncioAgent'
    assert manifest.getValue('Can-Retransform-Classes') == 'false'
    assert manifest.getValue('Can-Redefine-Classes') == 'false'
    assert manifest.getValue('Automatic-Module-Name') == 'org.jasyncio.agent'
    def names = jar.entries().collect { it.name }
    assert names.contains('org/jasyncio/agent/shaded/asm/ClassReader.class')
    assert names.contains('org/jasyncio/agent/shaded/compiler/AsyncCompiler.class')
    assert !names.any { it.startsWith('org/objectweb/') || it.startsWith('org/jasyncio/compiler/') } : 'unrelocated classes'
    assert !names.any { it.endsWith('module-info.class') }
}
