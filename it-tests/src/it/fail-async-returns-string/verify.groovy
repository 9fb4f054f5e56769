// The build fails, and build.log names the file and line, the method, and the problem.
def log = new File(basedir, 'build.log').text
assert log.contains('fail/Named.java:9: fail.Named.name(): ') : 'no file:line message in build.log'
assert log.contains('must return org.jasyncio.Coroutine<T>')
// Every problem is listed, not only the first.
assert log.contains('fail/Named.java:14: fail.Named.count(): an @Async method must return')
assert log.contains('Coroutine<Integer>')
