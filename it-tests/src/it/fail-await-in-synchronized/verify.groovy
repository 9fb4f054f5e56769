// The build fails, and build.log names the file and line, the method, and the problem.
def log = new File(basedir, 'build.log').text
assert log.contains('fail/Locked.java:17: fail.Locked.update(): ') : 'no file:line message in build.log'
assert log.contains('synchronized block')
