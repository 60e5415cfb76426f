/// What TAB offers after a magic's name (`%lesson ␣`, `%server lat`, `%save Fi`), declared by the magic itself.
enum MagicArguments: Sendable {
    /// Nothing.
    case none
    /// Fixed words (`all` for `%timeline`).
    case words([String])
    /// Words drawn from what the session knows when the index is rebuilt (lesson numbers and ids).
    case facts(@Sendable (CompletionFacts) -> [String])
    /// `KEY=VALUE` settings: the keys (offered as `key=`), then after `=` the values for that key.
    case settings(keys: [String], extra: [String], values: @Sendable (String) -> [String])
    /// File and folder names, relative to the current folder.
    case files
}

/// What the session knows that argument completion may offer, gathered without running any Python.
struct CompletionFacts: Sendable {
    /// Lesson numbers and ids, in listing order (`1`, `limits`, `2`, `keepalive`, …), read when TAB asks for them:
    /// parsing the bundled lessons costs more than the rest of start-up, and `poolplay run` never needs them.
    var lessonKeys: [String] {
        get { lessonKeySource() }
        set { lessonKeySource = { newValue } }
    }
    /// Where ``lessonKeys`` come from.
    var lessonKeySource: @Sendable () -> [String] = { [] }
}
