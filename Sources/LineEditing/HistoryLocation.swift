/// Where the interactive history lives.
public enum HistoryLocation {
    /// `$XDG_STATE_HOME/poolplay/history`, else `$HOME/.local/state/poolplay/history`
    /// (XDG Base Directory spec: an empty or relative `XDG_STATE_HOME` is ignored). Falls back to
    /// `/tmp` only when `HOME` is unset too.
    public static func defaultFile(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "poolplay/history")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return join(home, ".local/state/poolplay/history")
    }

    private static func join(_ directory: String, _ tail: String) -> String {
        directory.hasSuffix("/") ? directory + tail : directory + "/" + tail
    }
}
