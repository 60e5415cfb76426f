/// One mock-server setting from a lesson's `server:` front matter, such as `latency: 1s`.
///
/// The Lessons target does not know the mock's knobs; the host validates ``name`` and ``value`` with the mock's
/// own parser (the one `%server KNOB=VALUE` uses) and reports a bad knob at `file:line`.
public struct ServerKnob: Sendable, Equatable {
    /// The knob's name (`latency`, `max_concurrent`).
    public var name: String
    /// Its value as written (`1s`, `4`).
    public var value: String
    /// The 1-based line of the knob in the lesson file.
    public var line: Int

    /// Creates a knob setting.
    ///
    /// - Parameters:
    ///   - name: The knob.
    ///   - value: The value as written.
    ///   - line: Its line in the file.
    public init(name: String, value: String, line: Int = 0) {
        self.name = name
        self.value = value
        self.line = line
    }
}
