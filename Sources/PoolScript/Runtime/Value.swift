import BigInt

/// A Python value as the interpreter sees it.
///
/// Scalars and the built-in containers are cases; everything else (functions, classes, modules,
/// coroutines, host objects) is an `object`. Lists and dicts are reference types, as in Python, so
/// `a = b = []` shares one list.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case list(PyList)
    case tuple([Value])
    case dict(PyDict)
    case object(any PyObject)
}

/// A Python `list`: a mutable, shared array of values.
public final class PyList {
    public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
}

extension Value {
    /// The Python type name: "int", "str", "NoneType", "list", or the object's `pyTypeName`.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .bytes: return "bytes"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .object(let object): return object.pyTypeName
        }
    }

    /// Python truthiness: empty containers, zero, None and False are false.
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count != 0
        case .object(let object):
            if let truthy = object as? PyTruthy { return truthy.pyBool() }
            if let n = try? object.length() { return n != 0 }
            return true
        }
    }

    /// Python `==`. Numbers compare across int/float/bool; objects delegate to `pyEquals`.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y || x.items.elementsEqual(y.items, by: ==)
        case (.tuple(let x), .tuple(let y)): return x.elementsEqual(y, by: ==)
        case (.dict(let x), .dict(let y)): return x.isEqual(to: y)
        case (.object(let x), _): return x.pyEquals(b)
        case (_, .object(let y)): return y.pyEquals(a)
        default:
            if let x = a.numeric, let y = b.numeric {
                switch (x, y) {
                case (.int(let i), .int(let j)): return i == j
                case (.int(let i), .float(let d)), (.float(let d), .int(let i)):
                    // Exact below 2**53; beyond, compare exactly (2**53 + 1 != 2.0**53).
                    if i.magnitude <= 1 << 53 { return Double(i) == d }
                    return compareBigToDouble(BigInt(i), d) == 0
                case (.float(let d), .float(let e)): return d == e
                case (.big(let p), .big(let q)): return p == q
                case (.big(let p), .int(let i)), (.int(let i), .big(let p)): return p == BigInt(i)
                case (.big(let p), .float(let d)), (.float(let d), .big(let p)): return compareBigToDouble(p, d) == 0
                }
            }
            return false
        }
    }

    public static func != (a: Value, b: Value) -> Bool { !(a == b) }

    /// A number view: bool and int as `.int`, float as `.float`, ints beyond 64 bits as `.big`; nil for
    /// non-numbers.
    var numeric: Numeric? {
        switch self {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .object(let o as BigIntObject): return .big(o.value)
        default: return nil
        }
    }

    enum Numeric {
        case int(Int)
        case float(Double)
        case big(BigInt)
    }

    /// The object, if this value is one of type `T`.
    func object<T>(as type: T.Type) -> T? {
        if case .object(let object) = self { return object as? T }
        return nil
    }
}

extension Value: Equatable {}

/// Optional protocol: objects with custom truthiness (`__bool__`).
protocol PyTruthy: PyObject {
    func pyBool() -> Bool
}
