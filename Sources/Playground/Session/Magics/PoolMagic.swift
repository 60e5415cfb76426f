/// `%pool`: every pool in detail (the `_pool` repr and its connections).
extension Magic {
    static let pool = Magic(
        names: ["pool"],
        helpEntries: [
            .init("%pool", "every pool in detail: each connection seen by the client and by the mock server")
        ],
        run: { session, _ in session.poolMagic() })
}

extension Session {
    fileprivate func poolMagic() {
        if context.pools.isEmpty { output.write("No pools yet: create a client first.\n") }
        for pool in context.pools {
            say(PoolPanel.detail(pool: pool, label: label(for: pool), serverConnections: server?.ledger().connections ?? []))
        }
    }
}
