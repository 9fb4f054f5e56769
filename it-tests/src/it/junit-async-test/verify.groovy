// The same @AsyncTest methods, run by surefire under JUnit 5.14 (target/), under JUnit 6 (target/junit6/), and
// under JUnit 5.14 rewritten by the agent as they load (target/agent/, as an IDE runs them): each report lists
// them by their own method names, the deliberately leaky one as failing for its pending task.
def log = new File(basedir, 'build.log').text
assert log.count('Tests run: 3, Failures: 1, Errors: 0, Skipped: 0') >= 3 : 'a build did not run the three tests'
assert log.count('jasyncio: 1 class(es) instrumented') == 2 : 'the plugin ran in the agent build, or not in the others'
assert !new File(basedir, 'target/agent/test-classes/it/ClockTest$Async$forever.class').exists() : 'the agent build has a frame class on disk'
def hours = (log =~ /IT virtual-hour-real-ms=(\d+)/).collect { it[1] as long }
assert hours.size() == 3 : "expected three runs of the virtual hour, saw ${hours}"
hours.each { assert it < 1000 : "an hour of virtual time took ${it} ms of real time" }
[['target', '5.14'], ['target/junit6', '6.1'], ['target/agent', '5.14']].each { dir, junit ->
    def report = new File(basedir, "${dir}/surefire-reports/TEST-it.ClockTest.xml").text
    assert report =~ /junit-jupiter-api-${java.util.regex.Pattern.quote(junit)}\.\d+\.jar/ : "${dir}: not run with JUnit ${junit}"
    def cases = (report =~ /<testcase name="([^"]+)"/).collect { it[1] }.sort()
    assert cases == ['anHourPassesInNoTime', 'leavesATaskPending', 'seesItsTestInfo(TestInfo)'] : "${dir}: ${cases}"
    def failure = report =~ /(?s)<testcase name="leavesATaskPending"[^>]*>\s*<failure message="([^"]*)"/
    assert failure.find() : "${dir}: leavesATaskPending is not reported as failing"
    assert failure.group(1).contains('ClockTest.leavesATaskPending() left 1 task pending') : failure.group(1)
    assert report.contains('at it.ClockTest.forever(ClockTest.java:45)') : "${dir}: the failure does not name where the task was"
}
return true
