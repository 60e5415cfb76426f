import BigInt

/// A Python `dict`: insertion-ordered, keyed by Python hashing rules (`1 == 1.0 == True`).
public final class PyDict {
    private var keys: [Value] = []
    private var values: [Value] = []
    private var live: [Bool] = []
    private var index: [HashKey: Int] = [:]
    private(set) var count = 0

    public init() {}
    public init(_ pairs: [(Value, Value)]) {
        for (k, v) in pairs { try? set(k, v) }
    }

    /// The entries in insertion order.
    public var pairs: [(key: Value, value: Value)] {
        var result: [(key: Value, value: Value)] = []
        result.reserveCapacity(count)
        for i in keys.indices where live[i] { result.append((keys[i], values[i])) }
        return result
    }

    /// Looks up or stores a value; unhashable keys read as absent and are ignored on write.
    public subscript(key: Value) -> Value? {
        get { (try? get(key)) ?? nil }
        set {
            if let newValue { try? set(key, newValue) } else { _ = try? remove(key) }
        }
    }

    func get(_ key: Value) throws -> Value? {
        guard let slot = index[try HashKey(key)] else { return nil }
        return values[slot]
    }

    func set(_ key: Value, _ value: Value) throws {
        let hashed = try HashKey(key)
        if let slot = index[hashed] {
            values[slot] = value
        } else {
            index[hashed] = keys.count
            keys.append(key)
            values.append(value)
            live.append(true)
            count += 1
        }
    }

    @discardableResult
    func remove(_ key: Value) throws -> Value? {
        let hashed = try HashKey(key)
        guard let slot = index.removeValue(forKey: hashed) else { return nil }
        live[slot] = false
        count -= 1
        let old = values[slot]
        values[slot] = .none
        if count == 0 {
            keys = []
            values = []
            live = []
        }
        return old
    }

    func removeAll() {
        keys = []
        values = []
        live = []
        index = [:]
        count = 0
    }

    func isEqual(to other: PyDict) -> Bool {
        if self === other { return true }
        guard count == other.count else { return false }
        for (k, v) in pairs {
            guard let w = (try? other.get(k)) ?? nil, w == v else { return false }
        }
        return true
    }
}

/// A hashable image of a Python key. Numbers that compare equal hash equal, as Python requires.
enum HashKey: Hashable {
    case none
    case int(Int)
    case big(BigInt)
    case float(UInt64)
    case str(String)
    case bytes([UInt8])
    case tuple([HashKey])
    case frozenset(Set<HashKey>)
    case object(ObjectIdentifier)

    init(_ value: Value) throws {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d.rounded() == d, let i = Int(exactly: d) {
                self = .int(i)
            } else if d.isFinite, d.rounded() == d {
                self = .big(BigInt(d))
            } else {
                self = .float(d.bitPattern)
            }
        case .str(let s): self = .str(s)
        case .bytes(let b): self = .bytes(b)
        case .tuple(let items): self = .tuple(try items.map(HashKey.init))
        case .list, .dict: throw PythonError.typeError("unhashable type: '\(value.typeName)'")
        case .object(let o as BigIntObject): self = .big(o.value)
        case .object(let o as InstanceObject)
        where o.cls.lookup("__eq__") != nil && o.cls.lookup("__hash__") == nil:
            throw PythonError.typeError("unhashable type: '\(o.cls.name)'")
        case .object(let o as PyUnhashable): throw PythonError.typeError("unhashable type: '\(o.pyTypeName)'")
        case .object(let o as PySetObject):
            guard o.frozen else { throw PythonError.typeError("unhashable type: 'set'") }
            self = .frozenset(Set(try o.storage.pairs.map { try HashKey($0.key) }))
        case .object(let o): self = .object(ObjectIdentifier(o))
        }
    }
}

extension Value {
    /// Raises CPython's `TypeError: unhashable type: '…'` unless the value could be a set member or dict key.
    public func requireHashable() throws { _ = try HashKey(self) }
}
