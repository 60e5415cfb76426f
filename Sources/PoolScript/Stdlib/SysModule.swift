/// `sys`: what scripts touch — `argv`, `exit`, `stdout` / `stderr` (writing to the host's output and error
/// streams; `print(..., file=sys.stderr)` goes there too), `version_info` (3.11.7, as the CPython the corpus
/// compares with), `version`, `platform`, `maxsize`, `path`, `modules`.
final class StreamObject: PyObject {
    let name: String
    let isError: Bool
    private weak var host: ScriptHost?

    init(name: String, isError: Bool, host: ScriptHost) {
        self.name = name
        self.isError = isError
        self.host = host
    }

    func write(_ text: String) {
        if isError { host?.writeError(text) } else { host?.write(text) }
    }

    var pyTypeName: String { "TextIOWrapper" }
    func pyRepr() -> String { "<_io.TextIOWrapper name='<\(name)>' mode='w' encoding='utf-8'>" }
    var attributeNames: [String] { ["flush", "write"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "write":
            return native("write") { a in
                guard a.positional.count == 1, case .str(let s) = a.positional[0] else {
                    throw PythonError.typeError(
                        "write() argument must be str, not \(a.positional.first?.typeName ?? "NoneType")")
                }
                self.write(s)
                return .int(s.unicodeScalars.count)
            }
        case "flush": return native("flush") { _ in .none }
        case "name": return .str("<\(self.name)>")
        default: return nil
        }
    }
}

extension Interpreter {
    func sysModule(scriptName: String) -> StdlibModuleSpec {
        var n: [String: Value] = [:]
        n["argv"] = .list(PyList((argv ?? [scriptName]).map { .str($0) }))
        n["stdout"] = .object(StreamObject(name: "stdout", isError: false, host: host))
        n["stderr"] = .object(StreamObject(name: "stderr", isError: true, host: host))
        n["version_info"] = .tuple([.int(3), .int(11), .int(7), .str("final"), .int(0)])
        n["version"] = .str("3.11.7 (PoolScript)")
        n["platform"] = .str("linux")
        n["maxsize"] = .int(Int.max)
        n["path"] = .list(PyList([]))
        n["modules"] = .dict(PyDict())
        n["exit"] = native("exit") { a in
            let b = try a.bind("exit", [Parameter("status", default: Value.none)])
            var e = PythonError(.systemExit, b["status"].isNone ? "" : b["status"].str())
            e.arguments = b["status"].isNone ? [] : [b["status"]]
            throw e
        }
        return StdlibModuleSpec(natives: n)
    }
}

extension Value {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
