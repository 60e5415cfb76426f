import PoolScript
import PythonModels

/// Connects PoolScript to the playground: imports resolve to PoolPlay's models of httpx, httpx2, openai, asyncio
/// and os; `print` goes to the session's output.
final class PlaygroundHost: ScriptHost {
    let context: PlaygroundContext
    private let writeOutput: (String) -> Void
    private let writeErrorOutput: ((String) -> Void)?
    private var modules: [String: Value] = [:]

    init(context: PlaygroundContext, write: @escaping (String) -> Void, writeError: ((String) -> Void)? = nil) {
        self.context = context
        self.writeOutput = write
        self.writeErrorOutput = writeError
    }

    /// The modules a learner can import.
    static let moduleNames = [
        "httpx", "httpx2", "openai", "asyncio", "os", "time", "poolplay", "collections", "contextlib", "dataclasses",
        "functools", "itertools", "json", "logging", "math", "random", "typing", "concurrent.futures", "sys", "base64",
    ]

    func importModule(_ name: String) throws -> Value? {
        let module = try self.module(named: name)
        if name == "openai", module != nil { OpenAIModule.didImport(context: context) }
        return module
    }

    /// A module for TAB completion: made as an import makes it, without an import's side effects on other modules.
    func moduleForCompletion(_ name: String) -> Value? { try? module(named: name) }

    private func module(named name: String) throws -> Value? {
        if let module = modules[name] { return module }
        let made: ModuleObject
        switch name {
        case "httpx": made = HTTPXModule.make(.httpx, context: context)
        case "httpx2": made = HTTPXModule.make(.httpx2, context: context)
        case "openai": made = OpenAIModule.make(context: context)
        case "asyncio": made = makeAsyncioModule(clock: context.clock)
        case "time": made = makeTimeModule(clock: context.clock)
        case "os": made = OSModule.make(context: context)
        case "poolplay": made = PoolplayModule.make(context: context)
        default: return nil
        }
        modules[name] = .object(made)
        return .object(made)
    }

    func write(_ text: String) { writeOutput(text) }
    func writeError(_ text: String) { (writeErrorOutput ?? writeOutput)(text) }

    func pythonClass(of object: any PyObject) -> Value? { context.pythonClass(of: object) }
}
