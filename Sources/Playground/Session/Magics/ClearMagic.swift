/// `%clear`: clears the terminal, as Ctrl-L does at the prompt. Piped, it writes nothing.
extension Magic {
    static let clear = Magic(
        names: ["clear"],
        helpEntries: [.init("%clear", "clear the screen (Ctrl-L does it too)")],
        run: { session, _ in
            // Cursor home, then erase the whole screen (ECMA-48 CUP and ED 2).
            if session.options.isTerminal { session.output.write("\u{1B}[H\u{1B}[2J") }
        })
}
