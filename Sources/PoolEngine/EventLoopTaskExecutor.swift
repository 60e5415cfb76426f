import NIOCore
import NIOPosix

/// Runs Swift tasks on one NIO event loop: the session's interpreter, its asyncio tasks and its pools' connections
/// share that one thread, as an asyncio program shares its one OS thread with its sockets.
///
/// A task resumed from the loop's own thread (a continuation resumed by a channel handler, or by a task handing
/// the turn to the next) is queued on the loop without waking anything: no futex, no eventfd, no second core.
/// Resumed from elsewhere, NIO wakes the loop as for any `execute`.
public final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop the tasks run on; connections the session opens use it too (``NIOConnectionFactory``).
    public let eventLoop: any EventLoop

    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// The sessions' thread: a loop of its own, apart from NIO's shared loops where the built-in mock serves, so
    /// a script that holds its thread (a sync call, a long pure-Python loop) never stalls the server it talks to.
    public static let shared = EventLoopTaskExecutor(eventLoop: MultiThreadedEventLoopGroup(numberOfThreads: 1).next())

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
