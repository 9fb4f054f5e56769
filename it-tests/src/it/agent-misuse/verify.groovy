// The agent prints the misuse with its file and line on standard error as the class loads, and the
// test (which passes) saw the class's first use throw an Error carrying the same message.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('jasyncio: 1 problem(s) with @Async or await in app.Misused; the class cannot be used:')
assert log.contains('app/Misused.java:13: app.Misused.hello(): ') : 'no file:line message in build.log'
assert log.contains('MISUSE first use: java.lang.Error: jasyncio: 1 problem(s)')
