/// `%quit` / `%exit`: leave the playground (as `exit()` and Ctrl-D do).
extension Magic {
    static let quit = Magic(
        names: ["quit", "exit"],
        helpEntries: [.init("%quit, exit(), Ctrl-D", "leave")],
        run: { session, _ in session.wantsExit = true })
}
