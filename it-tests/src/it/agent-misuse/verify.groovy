// The agent prints the misuse with its file and line on standard error as the class loads, and the
// test (which passes) saw the class's first use throw an Error carrying the same message.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('jasyncio: 1 problem(s) with @Async or await in app.Misused; the class cannot be used:')
assert log.contains('app/Misused.java:13: app.Misused.hello(): ') : 'no file:line message in build.log'
assert log.contains('MISUSE first use: java.lang.Error: jasyncio: 1 problem(s)')

// The jar the test ran with: an agent's manifest, ASM and the compiler only under the agent's package,
// ASM's licence, and the module descriptor of org.jasyncio.agent, which needs nothing but the JDK.
def jars = new File(localRepositoryPath, 'org/jasyncio/jasyncio-agent').listFiles().collectMany { version ->
    version.listFiles().findAll { it.name ==~ /jasyncio-agent-.*\.jar/ }
}
assert jars.size() == 1 : "agent jars: ${jars}"
new java.util.jar.JarFile(jars[0]).withCloseable { jar ->
    def manifest = jar.manifest.mainAttributes
    assert manifest.getValue('Premain-Class') == 'org.jasyncio.agent.JasyncioAgent'
    assert manifest.getValue('Agent-Class') == 'org.jasyncio.agent.JasyncioAgent'
    assert manifest.getValue('Can-Retransform-Classes') == 'false'
    assert manifest.getValue('Can-Redefine-Classes') == 'false'
    def names = jar.entries().collect { it.name }
    assert names.contains('org/jasyncio/agent/shaded/asm/ClassReader.class')
    assert names.contains('org/jasyncio/agent/shaded/compiler/AsyncCompiler.class')
    assert !names.any { it.startsWith('org/objectweb/') || it.startsWith('org/jasyncio/compiler/') } : 'unrelocated classes'
    assert names.findAll { it.endsWith('module-info.class') } == ['module-info.class'] : 'a descriptor not the agent\'s'
    assert names.contains('META-INF/LICENSE-ASM.txt') : 'ASM is bundled without its licence'
}
def descriptor = java.lang.module.ModuleFinder.of(jars[0].toPath()).findAll()*.descriptor()
assert descriptor*.name() == ['org.jasyncio.agent'] && descriptor[0].requires()*.name().sort() == ['java.base', 'java.instrument']
