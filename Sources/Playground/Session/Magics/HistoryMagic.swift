/// `%history`: the entries run in this session, numbered.
extension Magic {
    static let history = Magic(
        names: ["history"],
        helpEntries: [.init("%history", "what you ran in this session")],
        run: { session, _ in
            for (index, entry) in session.history.enumerated() { session.output.write("\(index + 1): \(entry)\n") }
        })
}
