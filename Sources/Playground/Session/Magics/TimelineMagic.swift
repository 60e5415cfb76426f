import PoolCore
import TerminalUI

/// `%timeline`: what each connection of a pool did during the last statement that touched pools, drawn from the
/// pool's own event log (``TimelineView``) — the view that answers "what did keep-alive do to my burst?".
/// `%timeline all` draws everything each pool still remembers.
extension Magic {
    static let timeline = Magic(
        names: ["timeline"],
        helpEntries: [.init("%timeline [all]", "each connection's activity during the last statement (all: everything kept)")],
        arguments: .words(["all"]),
        run: { session, invocation in session.timelineMagic(invocation.arguments) })
}

extension Session {
    /// Where each pool's log stood before the statement (nil: the pool was new, or its log was empty).
    func timelineMarks() -> [Int: Double?] {
        Dictionary(uniqueKeysWithValues: context.pools.map { ($0.id, $0.engine.eventLog.last?.time) })
    }

    /// After a statement: remember the pools it changed and where their logs stood before it.
    /// Returns whether the statement changed any pool.
    @discardableResult
    func rememberTimeline(marks: [Int: Double?], before: [Int: PoolSnapshot]) -> Bool {
        var changed: [Int: Double?] = [:]
        for pool in context.pools where before[pool.id] != pool.engine.snapshot {
            // `.some`: a pool made during the statement has no mark (nil), and assigning a plain nil would drop its key.
            changed[pool.id] = .some(marks[pool.id] ?? nil)
        }
        if !changed.isEmpty { lastTimeline = changed }
        return !changed.isEmpty
    }

    func timelineMagic(_ arguments: [String]) {
        let everything = arguments == ["all"]
        guard arguments.isEmpty || everything else {
            output.writeError("UsageError: %timeline [all]: the last statement's pool activity, or all of it\n")
            return
        }
        let pools = context.pools.filter { everything || lastTimeline[$0.id] != nil }
        guard !pools.isEmpty else {
            output.write("No pool activity yet: send some requests, then %timeline.\n")
            return
        }
        for pool in pools {
            var entries = pool.engine.eventLog
            if !everything, let mark = lastTimeline[pool.id] ?? nil {
                entries = entries.filter { $0.time > mark }
            }
            let view = TimelineView(title: label(for: pool) ?? "pool \(pool.id)", entries: entries)
            output.write(decorator(options.color).render(view.render()))
        }
    }
}
