import NIOCore
import NIOPosix
import Synchronization

/// The mock's listening socket and accept thread: each accepted connection joins the event loop
/// ``ConnectionPlacement`` picks, through `ClientBootstrap.withConnectedSocket`.
///
/// NIO's `ServerBootstrap` cannot do this: its child group must be a `MultiThreadedEventLoopGroup` or a single
/// loop, and it deals connections out round-robin. So the mock listens itself: a blocking `accept` on a thread of
/// its own (the kernel queues connections in the 1024-deep backlog meanwhile), the loop chosen from the open
/// connections per loop, and the descriptor handed to NIO, which owns it from then on.
///
/// ``stop()`` shuts the listening socket down (which wakes a blocked `accept` on Linux with `EINVAL`), waits for
/// the thread to end, then closes the socket. ``waitUntilAllClosed()`` returns once every connection it placed has
/// closed.
final class LoadPlacingAcceptor: Sendable {
    /// The bound address (with the real port when bound to port 0).
    let localAddress: SocketAddress
    private let listener: CInt
    private let loops: [any EventLoop]
    private let placement: ConnectionPlacement
    private let configure: @Sendable (any Channel) throws -> Void
    private let state = Mutex(State())
    /// The accept thread: a real thread of its own, not one of the cooperative pool's few (blocking one of those
    /// for the server's life would starve Swift concurrency on a two-core machine).
    private let thread = NIOThreadPool(numberOfThreads: 1)

    private struct State {
        var open: [Int] = []
        var acceptThreadDone = false
        var threadWaiters: [CheckedContinuation<Void, Never>] = []
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
        var stopped = false
    }

    /// Binds and listens on `address`; call ``start()`` to accept.
    ///
    /// - Throws: NIO's `IOError` for the failing call (`bind` on a port in use reads "Address already in use").
    init(
        address: SocketAddress,
        backlog: CInt,
        loops: [any EventLoop],
        placement: ConnectionPlacement = .init(),
        configure: @escaping @Sendable (any Channel) throws -> Void
    ) throws {
        precondition(!loops.isEmpty, "an acceptor needs at least one event loop")
        let family = address.protocol.rawValue
        let fd = socket(family, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw IOError(errnoCode: errno, reason: "socket(domain:type:protocol:)") }
        do {
            var one: CInt = 1
            guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<CInt>.size)) == 0 else {
                throw IOError(errnoCode: errno, reason: "setsockopt(SO_REUSEADDR)")
            }
            let bound = address.withSockAddr { pointer, size in bind(fd, pointer, socklen_t(size)) }
            guard bound == 0 else { throw IOError(errnoCode: errno, reason: "bind(descriptor:ptr:bytes:)") }
            guard listen(fd, backlog) == 0 else { throw IOError(errnoCode: errno, reason: "listen(descriptor:backlog:)") }
            localAddress = try Self.boundAddress(fd)
        } catch {
            close(fd)
            throw error
        }
        listener = fd
        self.loops = loops
        self.placement = placement
        self.configure = configure
        state.withLock { $0.open = Array(repeating: 0, count: loops.count) }
    }

    /// Starts the accept thread.
    func start() {
        thread.start()
        thread.submit { [self] _ in
            acceptUntilShutDown()
            let waiters = state.withLock { state in
                state.acceptThreadDone = true
                defer { state.threadWaiters = [] }
                return state.threadWaiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Stops accepting: connections already placed stay open. Idempotent.
    func stop() async {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { _ = Glibc.shutdown(listener, CInt(SHUT_RDWR)) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.acceptThreadDone { return true }
                state.threadWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        if first {
            close(listener)
            try? await thread.shutdownGracefully()
        }
    }

    /// Returns once every connection placed so far has closed (call after ``stop()``, so no more arrive).
    func waitUntilAllClosed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.open.allSatisfy({ $0 == 0 }) { return true }
                state.closeWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Open connections per loop, in loop order (for tests and diagnostics).
    var openPerLoop: [Int] {
        state.withLock { $0.open }
    }

    private func acceptUntilShutDown() {
        while true {
            // `accept4` is not in Swift's Glibc module; NIO makes the socket non-blocking itself.
            let fd = accept(listener, nil, nil)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                place(fd)
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO, EPERM, EAGAIN:
                continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                // Out of descriptors or memory: the connection waits in the backlog; try again shortly, as
                // nginx re-enables accept after a pause.
                usleep(10_000)
            default:
                return  // EINVAL after shutdown(), EBADF: the acceptor is stopping.
            }
        }
    }

    private func place(_ fd: CInt) {
        let index = state.withLock { state in
            let index = placement.loop(forOpenCounts: state.open)
            state.open[index] += 1
            return index
        }
        let configure = self.configure
        ClientBootstrap(group: loops[index])
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try configure(channel) }
            }
            .withConnectedSocket(fd)
            .whenComplete { [self] result in
                switch result {
                case .success(let channel):
                    channel.closeFuture.whenComplete { _ in self.closed(onLoop: index) }
                case .failure:
                    closed(onLoop: index)
                }
            }
    }

    private func closed(onLoop index: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open[index] -= 1
            guard state.open.allSatisfy({ $0 == 0 }) else { return [] }
            defer { state.closeWaiters = [] }
            return state.closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private static func boundAddress(_ fd: CInt) throws -> SocketAddress {
        var storage = sockaddr_storage()
        var size = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
        }
        guard result == 0 else { throw IOError(errnoCode: errno, reason: "getsockname(descriptor:address:size:)") }
        switch Int32(storage.ss_family) {
        case AF_INET:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in.self) }
            return SocketAddress(address, host: "")
        case AF_INET6:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in6.self) }
            return SocketAddress(address, host: "")
        default:
            throw IOError(errnoCode: EAFNOSUPPORT, reason: "getsockname(descriptor:address:size:)")
        }
    }
}
