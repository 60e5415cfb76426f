import BigInt

/// A simulation of CPython 3.11's set hash table (`Objects/setobject.c`) for sets whose keys all have hashes
/// known here (ints, bools, integral floats), so iteration and reprs follow CPython's order: `{3, 1, 2}` prints
/// `{1, 2, 3}`, and adds, discards (dummies), `pop` (the finger) and resizes move things as CPython moves them.
/// Keys are indices into the owning set's key list; strings hash randomly per CPython process, so sets holding
/// them drop the simulation and keep insertion order.
struct SetTable {
    enum Slot {
        case empty
        case dummy
        case key(Int, hash: Int)
    }

    static let linearProbes = 9
    static let minSize = 8

    private(set) var slots = [Slot](repeating: .empty, count: SetTable.minSize)
    private(set) var fill = 0
    private(set) var used = 0
    private var finger = 0
    var mask: Int { slots.count - 1 }

    /// The hash CPython uses for `value`, when it is one this simulation knows.
    static func hash(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return pythonHash(BigInt(i))
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d.isFinite && d.rounded() == d: return pythonHash(BigInt(d))
        case .object(let o as BigIntObject): return pythonHash(o.value)
        default: return nil
        }
    }

    /// The key indices in table order.
    var order: [Int] {
        slots.compactMap { if case .key(let k, _) = $0 { return k } else { return nil } }
    }

    /// `set_add_entry` for a key known to be absent.
    mutating func add(_ key: Int, hash: Int) {
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var freeSlot: Int?
        while true {
            let probes = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for j in 0...probes {
                switch slots[i + j] {
                case .empty:
                    if let free = freeSlot {
                        used += 1
                        slots[free] = .key(key, hash: hash)
                        return
                    }
                    fill += 1
                    used += 1
                    slots[i + j] = .key(key, hash: hash)
                    if fill * 5 >= mask * 3 { resize(used > 50_000 ? used * 2 : used * 4) }
                    return
                case .dummy:
                    // CPython 3.11 keeps the last dummy it passed, not the first.
                    freeSlot = i + j
                case .key: break
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// `set_discard_entry`: the key's slot becomes a dummy.
    mutating func discard(_ key: Int) {
        guard let index = slots.firstIndex(where: { if case .key(key, _) = $0 { return true } else { return false } })
        else { return }
        slots[index] = .dummy
        used -= 1
    }

    /// `set_pop`: the key at or after the finger.
    mutating func pop() -> Int? {
        guard used > 0 else { return nil }
        var i = finger & mask
        while true {
            if case .key(let k, _) = slots[i] {
                slots[i] = .dummy
                used -= 1
                finger = i + 1
                return k
            }
            i = (i + 1) & mask
        }
    }

    mutating func clear() { self = SetTable() }

    /// The one big resize `set_merge` does before adding `count` keys.
    mutating func reserve(adding count: Int) {
        if (fill + count) * 5 >= mask * 3 { resize((used + count) * 2) }
    }

    /// Renames the key indices (after the owner compacts its key list).
    mutating func renumber(_ map: (Int) -> Int) {
        slots = slots.map { if case .key(let k, let h) = $0 { return .key(map(k), hash: h) } else { return $0 } }
    }

    /// `set_table_resize(minused)`: a table of the smallest power of two above `minUsed`, entries reinserted in
    /// the old table's order, dummies dropped.
    mutating func resize(_ minUsed: Int) {
        var size = SetTable.minSize
        while size <= minUsed { size <<= 1 }
        let old = slots
        slots = [Slot](repeating: .empty, count: size)
        for case .key(let k, let h) in old { insertClean(k, hash: h) }
        fill = used
    }

    private mutating func insertClean(_ key: Int, hash: Int) {
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        while true {
            if case .empty = slots[i] {
                slots[i] = .key(key, hash: hash)
                return
            }
            if i + SetTable.linearProbes <= mask {
                for j in 1...SetTable.linearProbes {
                    if case .empty = slots[i + j] {
                        slots[i + j] = .key(key, hash: hash)
                        return
                    }
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// `set_merge` of `other` (keys renumbered by `map`) into this table, which must be empty: one big resize,
    /// then a slot-for-slot copy when the sizes agree, else clean insertion in `other`'s order.
    mutating func mergeIntoEmpty(_ other: SetTable, map: (Int) -> Int) {
        guard other.used > 0 else { return }
        if (fill + other.used) * 5 >= mask * 3 { resize((used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            slots = other.slots.map { if case .key(let k, let h) = $0 { return .key(map(k), hash: h) } else { return $0 } }
            fill = other.fill
            used = other.used
            return
        }
        fill = other.used
        used = other.used
        for case .key(let k, let h) in other.slots { insertClean(map(k), hash: h) }
    }
}
