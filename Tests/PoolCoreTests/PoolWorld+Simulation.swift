import PoolCore

extension PoolWorld {
    /// Runs a burst on virtual time: `count` requests arrive at `now`, connects are instant, each response takes
    /// `duration` seconds. Start attempts are delivered in assignment order before time moves; responses finish in
    /// time order, ties in the order requests started.
    mutating func runBurst(count: Int, duration: Double, firstID: Int = 1) throws {
        var finishAt: [Int: Double] = [:]
        for r in firstID..<(firstID + count) { try arrive(r) }
        var steps = 0
        while true {
            steps += 1
            if steps > 10_000 { throw Illegal(description: "simulation does not end") }
            try deliverStarts()
            try establishAll()
            for r in running.keys where finishAt[r] == nil { finishAt[r] = now + duration }
            if !startQueue.isEmpty || !dialing.isEmpty { continue }
            let candidates = running.keys.compactMap { r in finishAt[r].map { (r, $0) } }
            guard
                let next = candidates.min(by: { a, b in
                    a.1 != b.1 ? a.1 < b.1 : runOrder.firstIndex(of: a.0)! < runOrder.firstIndex(of: b.0)!
                })
            else { break }
            now = next.1
            finishAt[next.0] = nil
            try complete(next.0)
        }
    }
}
