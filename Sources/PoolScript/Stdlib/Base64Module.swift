/// `base64`: `b64encode` / `b64decode` and their `standard_` and `urlsafe_` forms, as CPython's (bytes in,
/// bytes out; str accepted by the decoders; `binascii.Error: Incorrect padding` on a short input).
extension Interpreter {
    func base64Module() -> StdlibModuleSpec {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        func encode(_ bytes: [UInt8], urlsafe: Bool) -> [UInt8] {
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let chunk = Array(bytes[i..<min(i + 3, bytes.count)])
                let n = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8)
                    | UInt32(chunk.count > 2 ? chunk[2] : 0)
                for k in 0..<4 {
                    if k <= chunk.count {
                        var c = alphabet[Int((n >> (18 - 6 * UInt32(k))) & 63)]
                        if urlsafe { c = c == UInt8(ascii: "+") ? UInt8(ascii: "-") : c == UInt8(ascii: "/") ? UInt8(ascii: "_") : c }
                        out.append(c)
                    } else {
                        out.append(UInt8(ascii: "="))
                    }
                }
                i += 3
            }
            return out
        }
        func decode(_ input: [UInt8], urlsafe: Bool, validate: Bool) throws -> [UInt8] {
            var values: [UInt8] = []
            var padding = 0
            for byte in input {
                var c = byte
                if urlsafe { c = c == UInt8(ascii: "-") ? UInt8(ascii: "+") : c == UInt8(ascii: "_") ? UInt8(ascii: "/") : c }
                if c == UInt8(ascii: "=") {
                    padding += 1
                    continue
                }
                guard let v = alphabet.firstIndex(of: c) else {
                    if validate { throw PythonError(.binasciiError, "Only base64 data is allowed") }
                    continue
                }
                if padding > 0 {
                    // Data after padding ends the input, as binascii does (non-strict mode).
                    break
                }
                values.append(UInt8(v))
            }
            if values.count % 4 == 1 {
                throw PythonError(
                    .binasciiError,
                    "Invalid base64-encoded string: number of data characters (\(values.count)) cannot be 1 more than a multiple of 4"
                )
            }
            if values.count % 4 != 0 && (values.count % 4) + padding < 4 {
                throw PythonError(.binasciiError, "Incorrect padding")
            }
            var out: [UInt8] = []
            var i = 0
            while i < values.count {
                let group = Array(values[i..<min(i + 4, values.count)])
                var n: UInt32 = 0
                for k in 0..<4 { n = (n << 6) | UInt32(k < group.count ? group[k] : 0) }
                out.append(UInt8((n >> 16) & 255))
                if group.count > 2 { out.append(UInt8((n >> 8) & 255)) }
                if group.count > 3 { out.append(UInt8(n & 255)) }
                i += 4
            }
            return out
        }
        func bytesArgument(_ v: Value, _ function: String, decoding: Bool) throws -> [UInt8] {
            switch v {
            case .bytes(let b): return b
            case .str(let s) where decoding:
                guard s.unicodeScalars.allSatisfy(\.isASCII) else {
                    throw PythonError.valueError("string argument should contain only ASCII characters")
                }
                return Array(s.utf8)
            default:
                if decoding {
                    throw PythonError.typeError(
                        "argument should be a bytes-like object or ASCII string, not '\(v.typeName)'")
                }
                throw PythonError.typeError("a bytes-like object is required, not '\(v.typeName)'")
            }
        }
        var n: [String: Value] = [:]
        for (name, urlsafe) in [("b64encode", false), ("standard_b64encode", false), ("urlsafe_b64encode", true)] {
            n[name] = native(name) { a in
                let s = try a.bind(name, [Parameter("s"), Parameter("altchars", default: Value.none)])["s"]
                return .bytes(encode(try bytesArgument(s, name, decoding: false), urlsafe: urlsafe))
            }
        }
        for (name, urlsafe) in [("b64decode", false), ("standard_b64decode", false), ("urlsafe_b64decode", true)] {
            n[name] = native(name) { a in
                let b = try a.bind(
                    name, [Parameter("s"), Parameter("altchars", default: Value.none), Parameter("validate", default: .bool(false))])
                return .bytes(
                    try decode(try bytesArgument(b["s"], name, decoding: true), urlsafe: urlsafe, validate: b["validate"].isTruthy))
            }
        }
        return StdlibModuleSpec(natives: n)
    }
}

extension ExceptionClass {
    static let binasciiError = ExceptionClass(name: "Error", module: "binascii", base: .valueError)
}
