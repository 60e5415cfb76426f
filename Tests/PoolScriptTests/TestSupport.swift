@testable import PoolScript

/// A host that collects output (stdout and stderr apart) and serves modules from a dictionary.
final class TestHost: ScriptHost {
    var output = ""
    /// What CPython would write to stderr (warnings, `logging`), kept out of `output`.
    var errors = ""
    var modules: [String: Value] = [:]
    func importModule(_ name: String) throws -> Value? { modules[name] }
    func write(_ text: String) { output += text }
    func writeError(_ text: String) { errors += text }
}

/// Renders a run's outcome the way the REPL would: output, then the traceback or syntax error.
func render(_ result: RunResult, fileName: String = "<stdin>") -> String {
    switch result {
    case .ok: return ""
    case .error(let e): return e.formatted()
    case .syntaxError(let d): return d.formatted(fileName: fileName)
    }
}

/// Runs `source` in a fresh interpreter and returns everything printed plus the error rendering.
func run(_ source: String, mode: RunMode = .file, limits: ExecutionLimits = .default, host: TestHost = TestHost())
    async -> String
{
    let interpreter = Interpreter(host: host, limits: limits)
    let result = await interpreter.run(source, mode: mode)
    return host.output + render(result)
}

/// Starts `source` in a fresh interpreter on `clock` (virtual time); the task's value is the output plus the error
/// rendering. Tests move the clock while it runs.
func startOnClock(_ source: String, clock: ManualClock) -> Task<String, Never> {
    Task {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        interpreter.clock = clock
        let result = await interpreter.run(source, mode: .file)
        return host.output + render(result)
    }
}
