/// How an uncaught `SystemExit` ends a program, as CPython's `_Py_HandleSystemExit` (Python/pythonrun.c) decides:
/// `code` None (or no arguments) is status 0; an int is that status; anything else is printed to stderr, status 1.
public struct SystemExitOutcome: Equatable, Sendable {
    /// The process exit status.
    public var status: Int32
    /// What CPython prints to stderr before exiting (`str(code)` and a newline), when the code is not an int.
    public var message: String?
}

extension PythonError {
    /// Whether this is `SystemExit` (or a subclass): the program asked to end, and no traceback is printed.
    public var isSystemExit: Bool { type.isSubclass(of: .systemExit) }

    /// The exit this error asks for, or nil when it is not a `SystemExit`.
    public var systemExitOutcome: SystemExitOutcome? {
        guard isSystemExit else { return nil }
        let args = arguments ?? (message.isEmpty ? [] : [.str(message)])
        return SystemExitOutcome(code: SystemExitOutcome.code(args))
    }
}

extension SystemExitOutcome {
    /// `SystemExit.code`: None without arguments, the argument when there is one, else the tuple
    /// (`Objects/exceptions.c`, `SystemExit_init`).
    static func code(_ args: [Value]) -> Value {
        switch args.count {
        case 0: return .none
        case 1: return args[0]
        default: return .tuple(args)
        }
    }

    /// The outcome of `SystemExit(code)` (or `exit(code)`).
    public init(code: Value) {
        switch code {
        case .none: self.init(status: 0, message: nil)
        case .int(let n): self.init(status: Int32(truncatingIfNeeded: n), message: nil)
        case .bool(let b): self.init(status: b ? 1 : 0, message: nil)
        default: self.init(status: 1, message: code.str() + "\n")
        }
    }
}
