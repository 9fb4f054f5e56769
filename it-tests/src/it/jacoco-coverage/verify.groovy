// JaCoCo's report counts each @Async method of cov.Twins as it counts the same code written plain:
// the same lines and branches, covered and missed. The state machine body is reported under the
// method's name; the generated stub and frame classes count nothing.
import groovy.xml.XmlSlurper

def report = new File(basedir, 'target/site/jacoco/jacoco.xml')
assert report.isFile() : 'no JaCoCo report'
def parser = new XmlSlurper(false, false)
parser.setFeature('http://apache.org/xml/features/disallow-doctype-decl', false)
parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
def xml = parser.parse(report)

def twins = xml.'**'.find { it.name() == 'class' && it.@name == 'cov/Twins' }
assert twins : 'cov/Twins is not in the report'
def counters = { method ->
    ['LINE', 'BRANCH'].collectEntries { type ->
        def counter = method.counter.find { it.@type == type }
        [(type): counter ? [missed: counter.@missed.toInteger(), covered: counter.@covered.toInteger()]
                         : [missed: 0, covered: 0]]
    }
}
def methods = twins.method.findAll { it.@name != '<init>' }
        .collectEntries { ["${it.@name}${it.@desc}".toString(), counters(it)] }
println "cov/Twins in the report: ${methods}"

def names = ['loop', 'branches', 'catching', 'switch', 'finally', 'neverCalled']
for (name in names) {
    def async = methods.findAll { it.key.startsWith("${name}Async(") }
    def plain = methods.findAll { it.key.startsWith("${name}Plain(") }
    assert async.size() == 1 : "${name}Async should be reported once, as its body: ${async.keySet()}"
    assert plain.size() == 1 : "${name}Plain: ${plain.keySet()}"
    def (asyncName, asyncCounters) = [async.keySet().first(), async.values().first()]
    assert asyncName.contains('$Async$') : "${asyncName} is not the state machine body"
    assert asyncCounters == plain.values().first() :
            "${name}: @Async ${asyncCounters} but plain ${plain.values().first()}"
}
// One known method in numbers, so that equal counters cannot both be wrong the same way: of the
// switch's 9 lines, the 2 of case 2 are never reached; of its 4 targets, case 2 is never taken.
assert methods.find { it.key.startsWith('switchAsync(') }.value ==
        [LINE: [missed: 2, covered: 7], BRANCH: [missed: 1, covered: 3]]
assert methods.find { it.key.startsWith('neverCalledAsync(') }.value ==
        [LINE: [missed: 4, covered: 0], BRANCH: [missed: 2, covered: 0]]

// Nothing generated is counted: the frame classes (listed) have no method and no counter.
def frames = xml.'**'.findAll { it.name() == 'class' && it.@name.text().contains('$Async$') }
assert frames.size() == 9 : "expected the 9 frame classes, saw ${frames.size()}"
for (frame in frames) {
    assert frame.method.size() == 0 && frame.counter.size() == 0 : "${frame.@name} has counted code"
}
