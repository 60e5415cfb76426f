import Dispatch
import Synchronization

/// Runs async work to completion from synchronous Python code (a sync `httpx.Client` or `OpenAI` call blocks the
/// caller, as in Python).
///
/// The calling thread waits on a semaphore while the work runs on other threads (SwiftNIO's event loops and the
/// cooperative pool's other threads). The interpreter has one logical thread of control, so nothing else in the
/// session needs the blocked thread meanwhile.
func blockingWait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        let outcome: Result<T, any Error>
        do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
        result.withLock { $0 = outcome }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}
