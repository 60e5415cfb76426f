/// `%why`: the pool's decisions during a span, in words, each with the rule and the library line behind it.
///
/// Built from the pool's own event log, so it tells what this pool did; repeats of one decision are grouped
/// (`×15`). What the other library would have done is not narrated here but measured by ``PoolReplay``.
public struct PoolNarrative: Sendable {
    /// One decision, or a run of the same decision.
    public struct Line: Sendable, Equatable {
        /// What kind of decision: `opened`, `reused`, `queued`, `handoff`, `closed`, `requeued`, `timeout`, …
        public var kind: String
        /// How many decisions the line stands for.
        public var count: Int
        /// The line, ready to print (without a bullet).
        public var text: String
    }

    public let configuration: PoolConfiguration
    /// `Timeout.pool` of the pool's requests, for PoolTimeout lines (`nil`: None).
    public let poolTimeout: Double?

    public init(configuration: PoolConfiguration, poolTimeout: Double?) {
        self.configuration = configuration
        self.poolTimeout = poolTimeout
    }

    /// The decisions made after `since` (all when nil), grouped. `entries` should be the whole kept log, so that the
    /// narrative knows which connections were open when the span began.
    public func lines(_ entries: [PoolLogEntry], since: Double?) -> [Line] {
        group(items(entries, since: since, connection: nil))
    }

    /// One connection's story, decision by decision, with times relative to its creation.
    public func story(of connection: Int, _ entries: [PoolLogEntry]) -> [Line] {
        let mine = items(entries, since: nil, connection: connection)
        let start = mine.first?.time ?? 0
        return mine.map { item in
            Line(
                kind: item.kind, count: 1,
                text: "t=+\(Self.seconds(item.time - start)) \(Self.fill(item.subject, item.ids.map { [$0] })): \(item.rule)")
        }
    }

    // MARK: Items

    struct Item {
        var time: Double
        var kind: String
        /// Who, with `{0}` and `{1}` standing for ``ids``: `conn {0}`, `conn {0} → request {1}`.
        var subject: String
        /// The numbers of the subject (`[3]` or `[3, 7]`).
        var ids: [Int]
        /// Why, without the subject's numbers, so equal rules group.
        var rule: String
        /// The connections involved, for a connection's story.
        var connections: [Int]
    }

    var library: String { configuration.algorithm.libraryDescription }
    var maxConnections: String { configuration.maxConnections.map(String.init) ?? "None" }
    var maxKeepalive: String { configuration.maxKeepaliveConnections.map(String.init) ?? "None" }

    func items(_ entries: [PoolLogEntry], since: Double?, connection only: Int?) -> [Item] {
        var open: [Int] = []
        var idle: Set<Int> = []
        var ownerOf: [Int: Int] = [:]
        var arrivedAt: [Int: Double] = [:]
        var waiting: Set<Int> = []
        var requeues: [Int: Int] = [:]
        var freedAt: [Int: Double] = [:]
        /// Request → the fresh connection another request's pass handed it, until it starts connecting it.
        var handedFresh: [Int: Int] = [:]
        var connected: Set<Int> = []
        /// Fresh connections whose request ended before connecting them.
        var abandoned: Set<Int> = []
        var out: [Item] = []
        func emit(_ entry: PoolLogEntry, _ kind: String, _ subject: String, _ ids: [Int], _ rule: String, _ conns: [Int]) {
            guard since.map({ entry.time > $0 }) ?? true else { return }
            if let only, !conns.contains(only) { return }
            out.append(Item(time: entry.time, kind: kind, subject: subject, ids: ids, rule: rule, connections: conns))
        }
        for (index, entry) in entries.enumerated() {
            switch entry.event {
            case .requestArrived(let request, _):
                arrivedAt[request] = entry.time
                let servedNow = entries[(index + 1)...].prefix { $0.time == entry.time }.contains { later in
                    switch later.event {
                    case .requestAssigned(request, _), .connectionCreated(_, _, request): true
                    default: false
                    }
                }
                if !servedNow {
                    waiting.insert(request)
                    emit(
                        entry, "queued", "request {0}", [request],
                        "waited in the queue: \(open.count) of max_connections=\(maxConnections) connections open, all "
                            + "busy; queued requests are served in arrival order (FIFO)", [])
                }
            case .connectionCreated(let c, _, let request):
                let evicted = index > 0 && {
                    if case .connectionClosed(_, .evicted) = entries[index - 1].event { return true }
                    return false
                }()
                let replacesTrimmed = entries[..<index].reversed().prefix { $0.time == entry.time }.contains {
                    if case .connectionClosed(_, .keepAliveLimit) = $0.event { return true }
                    return false
                }
                open.append(c)
                ownerOf[c] = request
                let rule =
                    replacesTrimmed
                    ? "opened right after the keep-alive trim closed an idle connection: the pass closes idle "
                        + "connections first, then assigns queued requests, so the freed slot becomes a new TCP "
                        + "connection (\(passCitation))"
                    : evicted
                    ? "opened after evicting the oldest idle connection: the pool was at max_connections=\(maxConnections) "
                        + "and no connection could serve the request's origin"
                    : "opened: no idle connection could take the request, and the pool had fewer than "
                        + "max_connections=\(maxConnections) connections (\(passCitation))"
                emit(entry, "opened", "conn {0} for request {1}", [c, request], rule, [c])
                waiting.remove(request)
            case .requestAssigned(let request, let c):
                if ownerOf[c] == request && !connected.contains(c) { handedFresh[request] = c }
                idle.remove(c)
                if waiting.remove(request) != nil, freedAt[c] == entry.time {
                    emit(
                        entry, "handoff", "conn {0} → request {1}", [c, request],
                        "a connection freed by a finished response went to the oldest queued request (FIFO)", [c])
                }
            case .requestStarted(let request, let c):
                handedFresh[request] = nil
                if ownerOf[c] != request || (open.contains(c) && idle.contains(c)) {
                    emit(
                        entry, "reused", "request {0} on conn {1}", [request, c],
                        "reused an idle connection, the oldest one that can serve the origin (available[0])", [c])
                }
                ownerOf[c] = request
                idle.remove(c)
            case .responseCompleted(_, let c, let keepAlive):
                if keepAlive {
                    idle.insert(c)
                    freedAt[c] = entry.time
                }
            case .requestRequeued(let request, let c):
                requeues[request, default: 0] += 1
                waiting.insert(request)
                emit(
                    entry, "requeued", "request {0}", [request],
                    "re-queued (ConnectionNotAvailable): one pass handed conn \(c) to it and to another request, and the "
                        + "other started first (http11.py:72-78); \(library) restarts its Timeout.pool wait "
                        + "(connection_pool.py:239-244). httpcore2 reserves an assigned connection, so it never re-queues",
                    [c])
            case .requestFailed(let request, let error):
                waiting.remove(request)
                if let c = handedFresh.removeValue(forKey: request), open.contains(c) {
                    abandoned.insert(c)
                    emit(entry, "orphaned", "conn {0} of request {1}", [c, request], orphanRule(error), [c])
                }
                if error == .poolTimeout {
                    let restarts = requeues[request] ?? 0
                    var rule = "PoolTimeout: no connection within Timeout.pool=\(poolTimeout.map(Self.seconds) ?? "None") s"
                    if restarts > 0, let arrived = arrivedAt[request] {
                        rule += "; under \(library) its wait restarted \(restarts) time\(restarts == 1 ? "" : "s") on "
                            + "re-queues, so it waited \(Self.seconds(entry.time - arrived)) s in all (connection_pool.py:239-244)"
                    }
                    emit(entry, "timeout", "request {0}", [request], rule, [])
                } else {
                    emit(entry, "failed", "request {0}", [request], "failed with \(error.httpxName)", [])
                }
            case .connectAttemptFailed(let c, let attempt, let error, let delay):
                let rule =
                    delay.map {
                        "connect attempt \(attempt) failed (\(error.httpxName)); HTTPTransport(retries=…) tries again in "
                            + "\(Self.seconds($0)) s (connection.py:105-165)"
                    } ?? "connect attempt \(attempt) failed (\(error.httpxName)); no retries left"
                emit(entry, "connect", "conn {0}", [c ?? 0], rule, c.map { [$0] } ?? [])
            case .connectionClosed(let c, let reason):
                let count = open.count
                open.removeAll { $0 == c }
                idle.remove(c)
                let rule =
                    abandoned.remove(c) != nil
                    ? "dropped without a socket: never connected, and no request holds it any more (\(library) "
                        + "checks is_connected() in its pass, connection_pool.py:281; pydantic/httpx2#983)"
                    : closeRule(reason, connections: count)
                emit(entry, "closed:\(reason.rawValue)", "conn {0}", [c], rule, [c])
            case .connectionEstablished(let c):
                connected.insert(c)
            case .connectionLeftNew(let c, let request):
                emit(entry, "orphaned", "conn {0} of request {1}", [c, request], Self.newOrphanRule(maxConnections), [c])
            case .requestStranded(let request, let c, let closed):
                emit(entry, "stranded", "request {0} on conn {1}", [request, c], strandedRule(closed), [c])
            case .poolClosed:
                break
            }
        }
        return out
    }

    /// Why a fresh connection outlives the request it was handed to, by library.
    func orphanRule(_ error: PoolError) -> String {
        let ended =
            error == .poolTimeout
            ? "hit its own PoolTimeout (anyio's fail_after cancels the wait)" : "was cancelled (\(error.httpxName))"
        let window =
            "another request's pass handed this fresh connection to the request, which \(ended) before its task "
            + "resumed from wait_for_connection (connection_pool.py:232), so nothing ever connects it"
        switch configuration.algorithm {
        case .httpcore1:
            return window + "; the except block removes the request only (connection_pool.py:248-252), and a "
                + "connection that is neither idle, expired nor closed is never removed: it stays CONNECTING and "
                + "holds one of max_connections=\(maxConnections) slots for good (encode/httpcore#1093)"
        case .httpcore2:
            return window + "; the next pass drops it"
        }
    }

    /// httpcore 1.0.9's NEW orphan (kind 2 of the cancellation leaks).
    static func newOrphanRule(_ maxConnections: String) -> String {
        "the request was cancelled right after the TCP connect, at the HTTP/1.1 connection's _state_lock "
            + "(http11.py:72), which yields even uncontended (a plain anyio.Lock, _synchronization.py:68) and is taken "
            + "before the try that would clean up; the connection stays NEW with Request Count: 0 — never idle, "
            + "available or expired — so no pass removes it and it holds one of max_connections=\(maxConnections) "
            + "slots for good. httpcore2's lock is fast-acquire: no suspension there, so no orphan"
    }

    /// A request cancelled while its response closed (kind 3 of the cancellation leaks).
    func strandedRule(_ connectionClosed: Bool) -> String {
        let window =
            "cancelled while its response closed: PoolByteStream.aclose() sets _closed before awaiting the "
            + "connection's cleanup (connection_pool.py:411), and the cancellation skipped the removal and the pass "
            + "after it (:416-420); the request stays in the pool's list (\"active\" in the repr) for good "
            + "(encode/httpcore#1115)"
        if connectionClosed {
            return window + "; the cleanup had already set CLOSED before awaiting the socket's close, so the next pass "
                + "removes the connection and no slot is lost"
        }
        return window + "; the cleanup's _state_lock yields before the state changes (http11.py:239), so the "
            + "connection stays ACTIVE and holds one of max_connections=\(maxConnections) slots for good"
    }

    var passCitation: String {
        switch configuration.algorithm {
        case .httpcore1: "connection_pool.py:270-339"
        case .httpcore2: "httpcore2 connection_pool.py:255-369"
        }
    }

    func closeRule(_ reason: CloseReason, connections: Int) -> String {
        switch reason {
        case .keepAliveLimit:
            switch configuration.algorithm {
            case .httpcore1:
                return "closed when it went idle: \(library) compares max_keepalive_connections=\(maxKeepalive) with all "
                    + "\(connections) connections, not only the idle ones (connection_pool.py line 294)"
            case .httpcore2:
                return "closed: more idle connections than max_keepalive_connections=\(maxKeepalive); \(library) counts "
                    + "only idle connections no request holds (connection_pool.py:255-369)"
            }
        case .expired:
            let expiry = configuration.keepaliveExpiry.map(Self.seconds) ?? "None"
            return "expired: idle longer than keepalive_expiry=\(expiry) s, noticed lazily at the next pass "
                + "(has_expired(), http11.py:274-286)"
        case .serverClosed:
            return "the server closed it while it was idle; the pool noticed at its next pass (readability probe in "
                + "has_expired()) and dropped it"
        case .notReusable:
            return "closed after its response: the response did not leave it reusable (Connection: close or an "
                + "unread body, http11.py:238-250)"
        case .evicted:
            return "evicted: at max_connections=\(maxConnections), the oldest idle connection makes room for another origin"
        case .poolClosed:
            return "closed by aclose()"
        case .error:
            return "closed after a transport error or a cancellation mid-request"
        }
    }

    // MARK: Grouping

    /// Groups decisions of one kind and one rule, wherever they fall in the span, in order of first occurrence:
    /// "×15 request 6–20 on conn 1–5: reused …".
    func group(_ items: [Item]) -> [Line] {
        var order: [String] = []
        var runs: [String: [Item]] = [:]
        for item in items {
            let key = item.kind + "\u{0}" + Self.ruleKey(item.rule)
            if runs[key] == nil { order.append(key) }
            runs[key, default: []].append(item)
        }
        return order.compactMap { key in
            guard let run = runs[key], let first = run.first else { return nil }
            let slots = (0..<first.ids.count).map { slot in run.compactMap { slot < $0.ids.count ? $0.ids[slot] : nil } }
            let subject = Self.fill(first.subject, slots)
            let prefix = run.count == 1 ? "" : "×\(run.count) "
            return Line(kind: first.kind, count: run.count, text: "\(prefix)\(subject): \(Self.groupRule(run))")
        }
    }

    /// The subject with `{0}`, `{1}` replaced by their numbers' ranges.
    static func fill(_ template: String, _ slots: [[Int]]) -> String {
        var text = template
        for (index, ids) in slots.enumerated() { text = text.replacingOccurrences("{\(index)}", with: ranges(ids)) }
        return text
    }

    /// A rule with its numbers blanked, so "all 5 connections" and "all 6 connections" group.
    static func ruleKey(_ rule: String) -> String {
        String(rule.map { $0.isNumber ? "#" : $0 })
    }

    /// The group's rule: the first one's, with numbers that differ shown as their range ("all 5–9 connections").
    static func groupRule(_ run: [Item]) -> String {
        let texts = run.map(\.rule)
        guard let first = texts.first, texts.contains(where: { $0 != first }) else { return texts.first ?? "" }
        let split = texts.map(numberRuns)
        var out = ""
        for (index, piece) in split[0].enumerated() {
            if piece.isNumber, let values = Optional(split.compactMap { index < $0.count ? Double($0[index].text) : nil }),
                let low = values.min(), let high = values.max(), low != high
            {
                let decimal = piece.text.contains(".")
                out += decimal ? "\(seconds(low))–\(seconds(high))" : "\(Int(low))–\(Int(high))"
            } else {
                out += piece.text
            }
        }
        return out
    }

    private static func numberRuns(_ text: String) -> [(text: String, isNumber: Bool)] {
        var pieces: [(text: String, isNumber: Bool)] = []
        for character in text {
            let number = character.isNumber || (character == "." && pieces.last?.isNumber == true)
            if let last = pieces.last, last.isNumber == number {
                pieces[pieces.count - 1].text.append(character)
            } else {
                pieces.append((String(character), number))
            }
        }
        return pieces
    }

    /// `1–5, 7, 9–12`.
    static func ranges(_ ids: [Int]) -> String {
        let sorted = Array(Set(ids)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end > index ? "\(sorted[index])–\(sorted[end])" : "\(sorted[index])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// `0.5`, `5.0`, `12.25`: seconds as Python would print a float, trimmed to two decimals.
    static func seconds(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return "\(Int(rounded)).0" }
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[..<text.index(dot, offsetBy: 3)])
        }
        return text
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
