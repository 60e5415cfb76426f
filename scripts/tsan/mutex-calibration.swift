// Calibration for run-engine-tsan.sh: a correct program whose only shared state is a Synchronization.Mutex.
// With the Swift 6.3 toolchain on Linux, ThreadSanitizer reports "Swift access race" inside `withLock` here,
// because it does not see the lock's synchronization: reports inside a `withLock` closure of our code are then
// false positives of the same kind, not races.
import Dispatch
import Synchronization

final class Box: Sendable { let state = Mutex<[Int: Int]>([:]) }
let box = Box()
DispatchQueue.concurrentPerform(iterations: 8) { i in
    for j in 0..<2000 { box.state.withLock { $0[j % 7, default: 0] += i } }
}
print(box.state.withLock { $0.values.reduce(0, +) })  // always 56000
