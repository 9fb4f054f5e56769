// Two 1 s sleeps awaited one after the other take about 2 s; gathered, about 1 s: in the first
// build, instrumented by the plugin; in the second, with no plugin, by the agent as the classes load.
def log = new File(basedir, 'build.log').text
assert log.count('jasyncio: 1 class(es) instrumented') == 1 : 'the plugin ran in both builds, or in none'
assert log.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') >= 2 : 'a build ran no test'
assert !new File(basedir, 'target/classes/seed/Hello$Async$sayAfter.class').exists() : 'the agent build has a frame class on disk'
def timings = (log =~ /SEED sequential-ms=(\d+) gathered-ms=(\d+)/).collect { [it[1] as long, it[2] as long] }
assert timings.size() == 2 : "expected the timings of two runs, saw ${timings}"
for (int i = 0; i < 2; i++) {
    def how = ['plugin', 'agent'][i]
    def (sequential, gathered) = timings[i]
    println "${how}: sequential ${sequential} ms, gathered ${gathered} ms"
    assert sequential >= 1900 && sequential < 3500 : "${how}: sequential took ${sequential} ms"
    assert gathered >= 900 && gathered < 1800 : "${how}: gathered took ${gathered} ms"
}
