/// For the REPL's continuation prompt.
public enum InputStatus: Sendable { case complete, incomplete, invalid }

/// Whether `source` is a complete interactive input (see ``ParsedSource/status``). A host that goes on to run the
/// source keeps the ``ParsedSource`` instead, so the source is parsed once.
public func inputStatus(_ source: String) -> InputStatus {
    ParsedSource(source).status
}
