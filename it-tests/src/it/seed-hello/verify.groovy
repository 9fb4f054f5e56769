// Two 1 s sleeps awaited one after the other take about 2 s; gathered, about 1 s.
def log = new File(basedir, 'build.log').text
assert log.contains('jasyncio: 1 class(es) instrumented')
def m = log =~ /SEED sequential-ms=(\d+) gathered-ms=(\d+)/
assert m.find() : 'the test printed no timings'
def sequential = m.group(1) as long
def gathered = m.group(2) as long
println "sequential ${sequential} ms, gathered ${gathered} ms"
assert sequential >= 1900 && sequential < 3500 : "sequential took ${sequential} ms"
assert gathered >= 900 && gathered < 1800 : "gathered took ${gathered} ms"
