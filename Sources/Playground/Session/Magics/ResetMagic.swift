/// `%reset`: a fresh session (closes every pool).
extension Magic {
    static let reset = Magic(
        names: ["reset"],
        helpEntries: [.init("%reset", "a fresh session (closes every pool)")],
        run: { session, _ in
            await session.reset()
            session.output.write("Session reset: names cleared, pools closed.\n")
        })
}
