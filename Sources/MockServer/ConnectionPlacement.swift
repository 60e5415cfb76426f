/// Which event loop an accepted connection joins: the first loop until it holds ``fillFirst`` open
/// connections, then the loop holding the fewest (the lowest index on a tie).
///
/// This is the shape nginx ends up with on Linux (`worker_processes auto`, `EPOLLEXCLUSIVE` on the listening
/// socket): the worker that is awake takes the next connection, so a few busy connections share one worker and
/// only a crowd spreads over the others. Measured under `wrk -t1`: all 10 connections on one worker at `-c10`,
/// 60/40 at `-c100`. NIO's `ServerBootstrap` hands connections out round-robin instead, which at 10 connections
/// puts two busy server threads next to the client's on two cores, and the server's p99 grew to 7–10× nginx's
/// (issue 14). One loop carries about 48k small requests a second here, so 16 busy connections fit on it.
///
/// Pure: the acceptor (``LoadPlacingAcceptor``) keeps the counts and asks.
struct ConnectionPlacement: Sendable, Equatable {
    /// How many open connections the first loop takes before the others get any.
    var fillFirst = 16

    /// The index of the loop the next connection joins, given each loop's open connections (not empty).
    func loop(forOpenCounts open: [Int]) -> Int {
        precondition(!open.isEmpty, "placing a connection needs at least one loop")
        if open[0] < fillFirst { return 0 }
        var best = 0
        for index in open.indices where open[index] < open[best] { best = index }
        return best
    }
}
