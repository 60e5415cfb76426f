/// A binary min-heap of timed events: the simulator's virtual clock.
///
/// Events at the same time come out in the order they were pushed (a sequence number breaks ties), so a run
/// is deterministic.
struct EventQueue<Payload: Sendable>: Sendable {
    private struct Entry: Sendable {
        var time: Double
        var sequence: UInt64
        var payload: Payload

        @inline(__always) func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    mutating func push(_ payload: Payload, at time: Double) {
        let entry = Entry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        heap.append(entry)
        // Sift up with a hole: parents move down, the new entry is written once.
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    mutating func pop() -> (time: Double, payload: Payload)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        let count = heap.count
        if count > 0 {
            // Sift down with a hole from the root.
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                var best = left
                if left + 1 < count && heap[left + 1].precedes(heap[left]) { best = left + 1 }
                guard heap[best].precedes(last) else { break }
                heap[parent] = heap[best]
                parent = best
            }
            heap[parent] = last
        }
        return (first.time, first.payload)
    }
}
