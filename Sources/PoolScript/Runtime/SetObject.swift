import BigInt

/// A Python `set` or `frozenset`: an unordered collection of distinct hashable values.
///
/// Membership is a `PyDict`; what Python code observes — iteration, repr, `pop` — follows CPython's hash table
/// for sets of ints (`{3, 1, 2}` prints `{1, 2, 3}`), simulated by `SetTable`. Sets holding other elements
/// (strings hash randomly per CPython process) iterate in insertion order.
final class PySetObject: PyObject, PyTruthy {
    /// Membership: each key maps to its index in `keyList`.
    let storage: PyDict
    /// The keys by index; nil where a key was removed.
    private var keyList: [Value?] = []
    /// CPython's table while every key's hash is known here; nil after a key with an unknown hash (a str) arrives.
    private var table: SetTable? = SetTable()
    let frozen: Bool

    init(_ items: [Value] = [], frozen: Bool = false) throws {
        storage = PyDict()
        self.frozen = frozen
        for item in items { try add(item) }
    }

    /// `{1, 2, 3}` of constants: CPython's compiler builds a frozenset constant, rebuilds it from its own
    /// iteration order when it merges constants (`merge_consts_recursive`), and `SET_UPDATE` merges that into a
    /// new set.
    static func fromConstants(_ items: [Value]) throws -> PySetObject {
        let folded = try PySetObject(items, frozen: true)
        let constant = try PySetObject(folded.items, frozen: true)
        let set = try PySetObject()
        try set.merge(constant)
        return set
    }

    /// A copy (`set(s)`, `s.copy()`, the left side of `s | t`), laid out by `set_merge` as CPython does.
    static func copying(_ other: PySetObject, frozen: Bool) throws -> PySetObject {
        let set = try PySetObject(frozen: frozen)
        try set.merge(other)
        return set
    }

    /// The elements in the order CPython iterates them.
    var items: [Value] {
        if let table { return table.order.compactMap { keyList[$0] } }
        return storage.pairs.map(\.key)
    }
    var count: Int { storage.count }

    func contains(_ v: Value) throws -> Bool { try storage.get(v) != nil }

    func add(_ v: Value) throws {
        guard try storage.get(v) == nil else { return }
        let index = keyList.count
        try storage.set(v, .int(index))
        keyList.append(v)
        if table != nil {
            if let hash = SetTable.hash(v) { table!.add(index, hash: hash) } else { table = nil }
        }
    }

    @discardableResult
    func remove(_ v: Value) throws -> Bool {
        guard case .int(let index)? = try storage.remove(v) else { return false }
        keyList[index] = nil
        table?.discard(index)
        if keyList.count > 64 && keyList.count > 4 * storage.count { compact() }
        return true
    }

    func removeAll() {
        storage.removeAll()
        keyList = []
        table = SetTable()
    }

    /// `set.pop()`: CPython's choice (the table slot at its finger), or the first inserted key.
    func pop() throws -> Value? {
        if table != nil {
            guard let index = table!.pop(), let key = keyList[index] else { return nil }
            try storage.remove(key)
            keyList[index] = nil
            return key
        }
        guard let first = storage.pairs.first?.key else { return nil }
        try remove(first)
        return first
    }

    /// `set_merge` / `set_update_internal` with another set: one big resize, then a copy of its layout into an
    /// empty table or insertion in its iteration order.
    func merge(_ other: PySetObject) throws {
        if count == 0, table != nil, let theirs = other.table {
            let otherKeys = other.keyList
            var renumber: [Int: Int] = [:]
            for index in theirs.order {
                guard let key = otherKeys[index] else { continue }
                renumber[index] = keyList.count
                try storage.set(key, .int(keyList.count))
                keyList.append(key)
            }
            table!.mergeIntoEmpty(theirs) { renumber[$0] ?? 0 }
            return
        }
        if table != nil, other.table != nil { table!.reserve(adding: other.count) }
        for key in other.items { try add(key) }
    }

    /// Renumbers the keys densely after many removals.
    private func compact() {
        var renumber: [Int: Int] = [:]
        var keys: [Value?] = []
        for (index, key) in keyList.enumerated() {
            guard let key else { continue }
            renumber[index] = keys.count
            storage[key] = .int(keys.count)
            keys.append(key)
        }
        keyList = keys
        table?.renumber { renumber[$0] ?? 0 }
    }

    var pyTypeName: String { frozen ? "frozenset" : "set" }
    func pyRepr() -> String {
        if storage.count == 0 { return frozen ? "frozenset()" : "set()" }
        let body = "{" + items.map { $0.repr() }.joined(separator: ", ") + "}"
        return frozen ? "frozenset(\(body))" : body
    }
    func pyBool() -> Bool { storage.count != 0 }
    func length() throws -> Int { storage.count }
    func iterate() throws -> [Value] { items }
    func pyEquals(_ other: Value) -> Bool {
        guard case .object(let o as PySetObject) = other, o.count == count else { return false }
        return storage.pairs.allSatisfy { (try? o.contains($0.key)) == true }
    }

    static let methodNames = [
        "add", "clear", "copy", "difference", "difference_update", "discard", "intersection", "isdisjoint",
        "issubset", "issuperset", "pop", "remove", "symmetric_difference", "union", "update",
    ]
    static let frozenMethodNames = [
        "copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union",
    ]
    var attributeNames: [String] { frozen ? PySetObject.frozenMethodNames : PySetObject.methodNames }

    func getAttribute(_ name: String) throws -> Value? {
        guard attributeNames.contains(name) else { return nil }
        let typeName = pyTypeName
        return .object(
            NativeFunction(name: name) { [self] a in
                func one() throws -> Value {
                    guard a.positional.count == 1, a.keywords.isEmpty else {
                        throw PythonError.typeError(
                            "\(typeName).\(name)() takes exactly one argument (\(a.positional.count) given)"
                        )
                    }
                    return a.positional[0]
                }
                func none() throws {
                    guard a.positional.isEmpty, a.keywords.isEmpty else {
                        throw PythonError.typeError(
                            "\(typeName).\(name)() takes no arguments (\(a.positional.count) given)"
                        )
                    }
                }
                func others() throws -> [PySetObject] {
                    guard a.keywords.isEmpty else {
                        throw PythonError.typeError("\(typeName).\(name)() takes no keyword arguments")
                    }
                    return try a.positional.map {
                        if case .object(let o as PySetObject) = $0 { return o }
                        return try PySetObject(try iterateForSet($0))
                    }
                }
                switch name {
                case "add":
                    try add(try one())
                    return .none
                case "remove":
                    let v = try one()
                    guard try remove(v) else { throw PythonError.keyError(v) }
                    return .none
                case "discard":
                    try remove(try one())
                    return .none
                case "pop":
                    try none()
                    guard let first = try pop() else { throw PythonError(.keyError, "'pop from an empty set'") }
                    return first
                case "clear":
                    try none()
                    removeAll()
                    return .none
                case "copy":
                    try none()
                    return .object(try PySetObject.copying(self, frozen: frozen))
                case "update":
                    for a in a.positional {
                        if case .object(let o as PySetObject) = a { try merge(o) } else { for v in try iterateForSet(a) { try add(v) } }
                    }
                    return .none
                case "difference_update":
                    for o in try others() { for v in o.items { try remove(v) } }
                    return .none
                case "union":
                    return .object(try others().reduce(self) { try $0.combine(.bitOr, $1) })
                case "intersection":
                    return .object(try others().reduce(self) { try $0.combine(.bitAnd, $1) })
                case "difference":
                    return .object(try others().reduce(self) { try $0.combine(.sub, $1) })
                case "symmetric_difference":
                    return .object(try combine(.bitXor, try PySetObject(try iterateForSet(try one()))))
                case "issubset":
                    return .bool(try isSubset(of: try PySetObject(try iterateForSet(try one()))))
                case "issuperset":
                    return .bool(try PySetObject(try iterateForSet(try one())).isSubset(of: self))
                case "isdisjoint":
                    let o = try PySetObject(try iterateForSet(try one()))
                    return .bool(try storage.pairs.allSatisfy { try !o.contains($0.key) })
                default:
                    return .none
                }
            }
        )
    }

    func isSubset(of other: PySetObject) throws -> Bool {
        try storage.pairs.allSatisfy { try other.contains($0.key) }
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b`; the result has the left operand's type and CPython's layout.
    func combine(_ op: BinaryOp, _ other: PySetObject) throws -> PySetObject {
        switch op {
        case .bitOr:
            let result = try PySetObject.copying(self, frozen: frozen)
            try result.merge(other)
            return result
        case .bitAnd:
            // CPython walks the smaller set and keeps what the larger one has.
            let (walk, probe) = other.count > count ? (self, other) : (other, self)
            let result = try PySetObject(frozen: frozen)
            for key in walk.items where try probe.contains(key) { try result.add(key) }
            return result
        case .sub:
            if count >> 2 > other.count {
                let result = try PySetObject.copying(self, frozen: frozen)
                for key in other.items { try result.remove(key) }
                return result
            }
            let result = try PySetObject(frozen: frozen)
            for key in items where try !other.contains(key) { try result.add(key) }
            return result
        default:
            let result = try PySetObject.copying(other, frozen: frozen)
            for key in items {
                if try result.contains(key) { try result.remove(key) } else { try result.add(key) }
            }
            return result
        }
    }
}

/// The items of an iterable for a set method's argument (sets, lists, tuples, strings, dicts, ranges).
private func iterateForSet(_ v: Value) throws -> [Value] {
    switch v {
    case .list(let l): return l.items
    case .tuple(let t): return t
    case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
    case .dict(let d): return d.pairs.map(\.key)
    case .bytes(let b): return b.map { .int(Int($0)) }
    case .object(let o): return try o.iterate()
    default: throw PythonError.typeError("'\(v.typeName)' object is not iterable")
    }
}
