#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the output terminal can show, decided once at start-up; it hands out the matching decorator.
///
/// The colour policy is Rainbow's (`Sources/OutputTarget.swift`) with the usual overrides, in order:
///
/// | rule | colour |
/// |---|---|
/// | `FORCE_COLOR` set to anything but `""`, `0` or `false` | on |
/// | `FORCE_COLOR=0` or `FORCE_COLOR=false` | off (as in Node/chalk: an explicit "force no colour") |
/// | `NO_COLOR` set and non-empty (no-color.org) | off |
/// | `--no-color` | off |
/// | otherwise | on when stdout is a TTY and `TERM` is not `dumb` |
///
/// An empty `FORCE_COLOR` or `NO_COLOR` counts as unset, as both conventions specify.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Whether to emit ANSI colour codes.
    public var colorEnabled: Bool

    /// Creates capabilities.
    ///
    /// - Parameter colorEnabled: Whether to emit colour.
    public init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// The decorator matching ``colorEnabled``.
    public var decorator: any TextDecorator {
        colorEnabled ? ANSIDecorator() : PlainDecorator()
    }

    /// Applies the colour policy (see the type's table).
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - stdoutIsTTY: Whether standard output is a terminal (`isatty(1)`).
    ///   - noColorFlag: Whether `--no-color` was given.
    /// - Returns: Whether to emit colour.
    public static func colorEnabled(environment: [String: String], stdoutIsTTY: Bool, noColorFlag: Bool) -> Bool {
        if let force = environment["FORCE_COLOR"], !force.isEmpty {
            return !["0", "false"].contains(force.lowercased())
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return false
        }
        if noColorFlag {
            return false
        }
        return stdoutIsTTY && environment["TERM"] != "dumb"
    }

    /// Detects the capabilities of this process's standard output.
    ///
    /// - Parameters:
    ///   - environment: The process environment (pass `ProcessInfo.processInfo.environment`).
    ///   - noColorFlag: Whether `--no-color` was given.
    /// - Returns: The capabilities.
    public static func detect(environment: [String: String], noColorFlag: Bool) -> TerminalCapabilities {
        TerminalCapabilities(
            colorEnabled: colorEnabled(
                environment: environment,
                stdoutIsTTY: isatty(STDOUT_FILENO) != 0,
                noColorFlag: noColorFlag
            )
        )
    }
}
