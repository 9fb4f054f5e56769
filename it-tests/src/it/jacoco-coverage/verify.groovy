// JaCoCo's report counts each @Async method of cov.Twins as it counts the same code written plain:
// the same lines, covered and missed, and the same branches plus the state machine's own, exactly.
// The state machine body is reported under the method's name; the generated stub and frame
// classes count nothing.
//
// The state machine's branches, for a method with n awaits in its bytecode: its dispatch (one target
// for the start, one per await, covered once the method resumed there) and each await's test of
// whether it suspended (two: covered once it completed at once, once it suspended): 3n + 1. JaCoCo
// counts the copies javac makes of a finally block once, so their tests count once.
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

// name: [the state machine's branches, how many of them the tests cover]
def machine = [
        loop       : [3 * 2 + 1, 2 + 2],  // awaits slow (always suspends) and quick (never): start,
                                          // resumed at slow; slow suspended, quick completed at once
        branches   : [3 * 3 + 1, 2 + 2],  // big never reached, middle quick, small slow
        catching   : [3 * 1 + 1, 2 + 1],  // failing always suspends
        'switch'   : [3 * 4 + 1, 2 + 2],  // case 0 quick, case 1 slow, case 2's two awaits never reached
        'finally'  : [3 * 3 + 1 - 2, 4 + 2],  // try's failing, and finally's slow, which javac copies: 3 awaits
                                              // in the bytecode, the copies' tests counted once
        neverCalled: [3 * 2 + 1, 0],
]
for (entry in machine) {
    def name = entry.key
    def (branches, covered) = entry.value
    def async = methods.findAll { it.key.startsWith("${name}Async(") }
    def plain = methods.findAll { it.key.startsWith("${name}Plain(") }
    assert async.size() == 1 : "${name}Async should be reported once, as its body: ${async.keySet()}"
    assert plain.size() == 1 : "${name}Plain: ${plain.keySet()}"
    def (asyncName, asyncCounters) = [async.keySet().first(), async.values().first()]
    def plainCounters = plain.values().first()
    assert asyncName.contains('$Async$') : "${asyncName} is not the state machine body"
    assert asyncCounters.LINE == plainCounters.LINE : "${name}: lines @Async ${asyncCounters} but plain ${plainCounters}"
    def expected = [missed: plainCounters.BRANCH.missed + branches - covered,
                    covered: plainCounters.BRANCH.covered + covered]
    assert asyncCounters.BRANCH == expected :
            "${name}: branches @Async ${asyncCounters.BRANCH}, expected plain ${plainCounters.BRANCH} and ${covered} of ${branches} more"
}

// One known method in numbers, so that equal counters cannot both be wrong the same way: of the
// switch's 9 lines, the 2 of case 2 are never reached; of its 4 targets, case 2 is never taken.
assert methods.find { it.key.startsWith('switchPlain(') }.value ==
        [LINE: [missed: 2, covered: 7], BRANCH: [missed: 1, covered: 3]]
assert methods.find { it.key.startsWith('switchAsync(') }.value ==
        [LINE: [missed: 2, covered: 7], BRANCH: [missed: 1 + 9, covered: 3 + 4]]
assert methods.find { it.key.startsWith('neverCalledAsync(') }.value.LINE == [missed: 4, covered: 0]

// Nothing generated is counted: the frame classes (listed) have no method and no counter.
def frames = xml.'**'.findAll { it.name() == 'class' && it.@name.text().contains('$Async$') }
assert frames.size() == 9 : "expected the 9 frame classes, saw ${frames.size()}"
for (frame in frames) {
    assert frame.method.size() == 0 && frame.counter.size() == 0 : "${frame.@name} has counted code"
}
