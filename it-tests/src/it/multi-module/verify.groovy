def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert new File(basedir, 'greetings/target/classes/greetings/Greeter$Async$greet.class').isFile()
assert new File(basedir, 'app/target/classes/app/App$Async$greetAll.class').isFile()
