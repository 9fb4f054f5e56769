// Build 1 rewrites both classes; build 2 (nothing changed) rewrites none; build 3 (First.java
// touched, so javac recompiled only it) rewrites only First.
def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('jasyncio: ') && it.contains('instrumented') }
println lines.join('\n')
assert lines.size() == 3 : "expected three instrument runs, saw ${lines}"
assert lines[0].contains('2 class(es) instrumented, 0 already instrumented')
assert lines[1].contains('0 class(es) instrumented, 2 already instrumented')
assert lines[2].contains('1 class(es) instrumented, 1 already instrumented')
