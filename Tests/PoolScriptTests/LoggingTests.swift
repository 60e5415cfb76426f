import Testing

@testable import PoolScript

/// A host with a separate error stream, where `logging` writes.
final class ErrorStreamHost: ScriptHost {
    var output = ""
    var errors = ""
    func importModule(_ name: String) throws -> Value? { nil }
    func write(_ text: String) { output += text }
    func writeError(_ text: String) { errors += text }
}

@Suite struct LoggingTests {
    @Test func recordsGoToTheErrorStreamInCPythonsFormat() async {
        let host = ErrorStreamHost()
        let interpreter = Interpreter(host: host)
        _ = await interpreter.run(
            """
            import logging
            logging.getLogger('quiet').info('dropped')
            logging.getLogger('lib').warning('last resort: %s', 'bare message')
            logging.warning('root %d', 1)
            logging.basicConfig(level=logging.DEBUG, format='%(levelname)s|%(name)s|%(message)s', force=True)
            logging.getLogger('a.b').debug('debug %s', 'shown')
            try:
                {}['k']
            except KeyError:
                logging.getLogger('a').exception('lookup failed')
            print('stdout only')
            """, fileName: "script.py", mode: .file)
        #expect(host.output == "stdout only\n")
        // CPython 3.11 also prints a `~~^^^^^` marker line under `{}['k']`; PoolScript's tracebacks have none.
        #expect(
            host.errors == """
                last resort: bare message
                WARNING:root:root 1
                DEBUG|a.b|debug shown
                ERROR|a|lookup failed
                Traceback (most recent call last):
                  File "script.py", line 8, in <module>
                    {}['k']
                KeyError: 'k'

                """)
    }
}

@Suite struct SysStreamTests {
    @Test func sysStderrIsTheErrorStream() async {
        let host = ErrorStreamHost()
        _ = await Interpreter(host: host).run(
            """
            import sys
            print('problem', 1, file=sys.stderr)
            sys.stderr.write('raw\\n')
            print('fine', file=sys.stdout)
            """, mode: .file)
        #expect(host.output == "fine\n")
        #expect(host.errors == "problem 1\nraw\n")
    }
}
