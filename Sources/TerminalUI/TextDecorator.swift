/// Turns ``StyledText`` into the string written to the terminal.
///
/// Views never decide about colour: the host picks a decorator once, from
/// ``TerminalCapabilities``, and passes it down (swift-syntax's `DiagnosticDecorator` split between
/// `BasicDiagnosticDecorator` and `ANSIDiagnosticDecorator`). There is no global colour switch.
public protocol TextDecorator: Sendable {
    /// Renders styled text.
    ///
    /// - Parameter text: The text.
    /// - Returns: The string to print.
    func render(_ text: StyledText) -> String
}

/// Renders the characters only: for pipes, `NO_COLOR`, `--no-color`, `TERM=dumb` and golden files.
public struct PlainDecorator: TextDecorator {
    /// Creates the decorator.
    public init() {}

    /// Returns ``StyledText/plainText``, byte for byte.
    public func render(_ text: StyledText) -> String {
        text.plainText
    }
}
