// The build fails, and build.log names the file and line, the method, and the problem.
def log = new File(basedir, 'build.log').text
assert log.contains('fail/Deferred.java:15: fail.Deferred.lambda in later(): ') : 'no file:line message in build.log'
assert log.contains('lambda body')
