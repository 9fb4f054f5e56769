// Five pages, each answered after 500 ms: fetched concurrently, the total is about one delay, not five.
def log = new File(basedir, 'build.log').text
def m = log =~ /PAGES count=(\d+) delay-ms=(\d+) total-ms=(\d+)/
assert m.find() : 'the test printed no timings'
def count = m.group(1) as long
def delay = m.group(2) as long
def total = m.group(3) as long
println "${count} pages of ${delay} ms each in ${total} ms"
assert total >= delay : "faster than the server: ${total} ms"
assert total < 2 * delay : "not concurrent: ${total} ms for ${count} pages of ${delay} ms (sum ${count * delay} ms)"
