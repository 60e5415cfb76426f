import BigInt

/// A Python `set` or `frozenset`: an unordered collection of distinct hashable values.
///
/// Elements are kept in insertion order (a `PyDict` with `None` values); what Python code observes — iteration,
/// repr — follows CPython's hash-table order for sets of ints (`{3, 1, 2}` prints `{1, 2, 3}`), simulated by
/// `cpythonSetOrder`. Other elements (strings hash randomly per CPython process) keep insertion order.
final class PySetObject: PyObject, PyTruthy {
    let storage: PyDict
    let frozen: Bool
    /// How many first elements CPython merged in from a constant frozenset (`{1, 2, 3}` compiles to one), which
    /// lays out its table differently from adding one by one.
    var mergedPrefix = 0

    init(_ items: [Value] = [], frozen: Bool = false) throws {
        storage = PyDict()
        self.frozen = frozen
        for item in items { try storage.set(item, .none) }
    }

    /// The elements in the order CPython iterates them.
    var items: [Value] { cpythonSetOrder(storage.pairs.map(\.key), mergedPrefix: mergedPrefix) }
    var count: Int { storage.count }

    func contains(_ v: Value) throws -> Bool { try storage.get(v) != nil }
    func add(_ v: Value) throws { try storage.set(v, .none) }

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
                    return try a.positional.map { try PySetObject(try iterateForSet($0)) }
                }
                switch name {
                case "add":
                    try add(try one())
                    return .none
                case "remove":
                    let v = try one()
                    guard try storage.remove(v) != nil else { throw PythonError.keyError(v) }
                    return .none
                case "discard":
                    try storage.remove(try one())
                    return .none
                case "pop":
                    try none()
                    guard let first = items.first else {
                        throw PythonError(.keyError, "'pop from an empty set'")
                    }
                    try storage.remove(first)
                    return first
                case "clear":
                    try none()
                    storage.removeAll()
                    return .none
                case "copy":
                    try none()
                    return .object(try PySetObject(storage.pairs.map(\.key), frozen: frozen))
                case "update":
                    for o in try others() { for v in o.storage.pairs { try add(v.key) } }
                    return .none
                case "difference_update":
                    for o in try others() { for v in o.storage.pairs { try storage.remove(v.key) } }
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

    /// `a | b`, `a & b`, `a - b`, `a ^ b`; the result has the left operand's type.
    func combine(_ op: BinaryOp, _ other: PySetObject) throws -> PySetObject {
        let mine = storage.pairs.map(\.key)
        let theirs = other.storage.pairs.map(\.key)
        switch op {
        case .bitOr: return try PySetObject(mine + theirs, frozen: frozen)
        case .bitAnd: return try PySetObject(try mine.filter { try other.contains($0) }, frozen: frozen)
        case .sub: return try PySetObject(try mine.filter { try !other.contains($0) }, frozen: frozen)
        default:
            return try PySetObject(
                try mine.filter { try !other.contains($0) } + theirs.filter { try !self.contains($0) },
                frozen: frozen
            )
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

/// CPython's iteration order for a set built by adding `keys` in order, when every key is an int (or bool, or
/// integral float): a simulation of `Objects/setobject.c` (table of 8, linear probes of 9, perturbed probing,
/// growth to 4× the used count once 3/5 full). Other keys come back unchanged.
///
/// `mergedPrefix` first keys came from a constant frozenset merged into an empty set (`set_merge`): the frozenset
/// is laid out by adding them one by one, then copied into a table sized for twice their count.
func cpythonSetOrder(_ keys: [Value], mergedPrefix: Int = 0) -> [Value] {
    var hashes: [Int] = []
    hashes.reserveCapacity(keys.count)
    for k in keys {
        switch k {
        case .int(let i): hashes.append(pythonHash(BigInt(i)))
        case .bool(let b): hashes.append(b ? 1 : 0)
        case .float(let d) where d.isFinite && d.rounded() == d: hashes.append(pythonHash(BigInt(d)))
        case .object(let o as BigIntObject): hashes.append(pythonHash(o.value))
        default: return keys
        }
    }
    if keys.count < 2 { return keys }
    let linearProbes = 9
    var table = [Int?](repeating: nil, count: 8)
    var mask = 7
    var used = 0

    func insertClean(_ index: Int, into table: inout [Int?], mask: Int) {
        let hash = hashes[index]
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        while true {
            if table[i] == nil {
                table[i] = index
                return
            }
            if i + linearProbes <= mask {
                for j in 1...linearProbes where table[i + j] == nil {
                    table[i + j] = index
                    return
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    func merge() {
        guard mergedPrefix >= 5 else { return }
        var size = 8
        while size <= used * 2 { size <<= 1 }
        guard size != mask + 1 else { return }
        var newTable = [Int?](repeating: nil, count: size)
        for case let old? in table { insertClean(old, into: &newTable, mask: size - 1) }
        table = newTable
        mask = size - 1
    }

    for index in keys.indices {
        if index == mergedPrefix { merge() }
        let hash = hashes[index]
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var placed = false
        while !placed {
            let probes = i + linearProbes <= mask ? linearProbes : 0
            for j in 0...probes where table[i + j] == nil {
                table[i + j] = index
                placed = true
                break
            }
            if !placed {
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
            }
        }
        used += 1
        if used * 5 >= mask * 3 {
            let minUsed = used > 50_000 ? used * 2 : used * 4
            var size = 8
            while size <= minUsed { size <<= 1 }
            var newTable = [Int?](repeating: nil, count: size)
            for case let old? in table { insertClean(old, into: &newTable, mask: size - 1) }
            table = newTable
            mask = size - 1
        }
    }
    if mergedPrefix == keys.count { merge() }
    return table.compactMap { $0.map { keys[$0] } }
}
