/// Everything TAB may offer, as plain data: a snapshot the session takes after each entry (without running any
/// Python: attributes are read, nothing is called) and that ``Completer`` reads on the line editor's thread.
struct CompletionModel: Sendable {
    /// Names and attribute paths (`client._client._transport._pool`); callables end in `(`.
    var words: [String] = []
    /// The keyword parameters of each callable path (`httpx.Limits` → `max_connections`, …).
    var keywords: [String: [String]] = [:]
    /// Magics by name (without `%`), with what their arguments complete to.
    var magics: [(name: String, arguments: MagicArguments)] = []
    /// Words offered at the start of a statement.
    var statementWords: [String] = []
    /// Importable modules and their attribute names (`from openai import Def…`).
    var modules: [String: [String]] = [:]
    /// What the session knows for magics' arguments.
    var facts = CompletionFacts()
}
