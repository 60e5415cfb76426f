/// A table keyed by increasing integer IDs (requests, calls, connections are numbered 1, 2, 3, …), stored in a ring
/// that covers the IDs from the oldest live one to the newest: array indexing instead of hashing, and memory bounded
/// by the span of what is alive at once.
///
/// A new ID must not be below every ID the table has covered (IDs are handed out in increasing order).
struct SlidingTable<Value>: Sendable where Value: Sendable {
    private var slots: [Value?]
    /// The slot of ``base``.
    private var head = 0
    /// The lowest ID covered.
    private var base = 0
    /// IDs `base ..< base + span` are covered.
    private var span = 0
    /// Live entries.
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = Array(repeating: nil, count: size)
    }

    @inline(__always) private func slot(_ id: Int) -> Int { (head &+ (id &- base)) & (slots.count &- 1) }

    subscript(id: Int) -> Value? {
        get {
            guard id >= base && id < base &+ span else { return nil }
            return slots[slot(id)]
        }
        set {
            if let newValue {
                if count == 0 && span == 0 {
                    base = id
                    head = 0
                }
                precondition(id >= base, "SlidingTable: ID \(id) below the window")
                if id >= base &+ span { cover(through: id) }
                let s = slot(id)
                if slots[s] == nil { count += 1 }
                slots[s] = newValue
            } else {
                guard id >= base && id < base &+ span else { return }
                let s = slot(id)
                guard slots[s] != nil else { return }
                slots[s] = nil
                count -= 1
                // Slide past the leading empty slots.
                while span > 0 && slots[head] == nil {
                    head = (head &+ 1) & (slots.count &- 1)
                    base &+= 1
                    span -= 1
                }
            }
        }
    }

    /// Removes and returns the entry for `id`.
    @inline(__always) mutating func removeValue(forKey id: Int) -> Value? {
        let value = self[id]
        if value != nil { self[id] = nil }
        return value
    }

    private mutating func cover(through id: Int) {
        let needed = id - base + 1
        if needed > slots.count {
            var size = slots.count
            while size < needed { size *= 2 }
            var grown = [Value?](repeating: nil, count: size)
            for i in 0..<span { grown[i] = slots[(head + i) & (slots.count - 1)] }
            slots = grown
            head = 0
        }
        span = needed
    }
}
