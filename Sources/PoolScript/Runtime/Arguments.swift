/// Call arguments, as a call site passes them.
public struct Arguments {
    /// Positional arguments, in order (after `*args` unpacking).
    public var positional: [Value]
    /// Keyword arguments, in call order (after `**kwargs` unpacking).
    public var keywords: [(name: String, value: Value)]

    public init(positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    func keyword(_ name: String) -> Value? {
        keywords.first(where: { $0.name == name })?.value
    }

    /// Binds these arguments to a Python signature, raising CPython 3.11's exact TypeErrors.
    ///
    /// - Parameters:
    ///   - function: the name CPython shows, e.g. "Limits.__init__" or "f".
    ///   - parameters: the signature, without `self`.
    ///   - selfCounted: count `self` in "takes N positional arguments" messages, as CPython does for methods.
    public func bind(_ function: String, _ parameters: [Parameter], selfCounted: Bool = false) throws
        -> BoundArguments
    {
        var bound = BoundArguments()
        let positionalParams = parameters.filter { $0.kind == .positionalOrKeyword }
        let hasVarPositional = parameters.contains { $0.kind == .varPositional }
        let hasVarKeyword = parameters.contains { $0.kind == .varKeyword }
        let selfOffset = selfCounted ? 1 : 0

        for (i, value) in positional.enumerated() {
            if i < positionalParams.count {
                bound.values[positionalParams[i].name] = value
                bound.given.insert(positionalParams[i].name)
            } else if hasVarPositional {
                bound.extraPositional.append(value)
            } else {
                let max = positionalParams.count + selfOffset
                let min = positionalParams.filter { $0.defaultValue == nil && !$0.isOptional }.count + selfOffset
                let takes: String
                if min == max {
                    takes = "\(max) positional argument" + (max == 1 ? "" : "s")
                } else {
                    takes = "from \(min) to \(max) positional arguments"
                }
                let given = positional.count + selfOffset
                let kwOnlyGiven = keywords.filter { kw in
                    parameters.contains { $0.name == kw.name && $0.kind == .keywordOnly }
                }.count
                var message = "\(function)() takes \(takes) but \(given) "
                if kwOnlyGiven > 0 {
                    message += "positional argument" + (given == 1 ? "" : "s")
                    message +=
                        " (and \(kwOnlyGiven) keyword-only argument" + (kwOnlyGiven == 1 ? "" : "s") + ") were given"
                } else {
                    message += given == 1 ? "was given" : "were given"
                }
                throw PythonError.typeError(message)
            }
        }
        for (name, value) in keywords {
            if let parameter = parameters.first(where: {
                $0.name == name && ($0.kind == .positionalOrKeyword || $0.kind == .keywordOnly)
            }) {
                if bound.given.contains(parameter.name) {
                    throw PythonError.typeError("\(function)() got multiple values for argument '\(name)'")
                }
                bound.values[name] = value
                bound.given.insert(name)
            } else if hasVarKeyword {
                if bound.extraKeywords.contains(where: { $0.name == name }) {
                    throw PythonError.typeError("\(function)() got multiple values for keyword argument '\(name)'")
                }
                bound.extraKeywords.append((name, value))
            } else {
                throw PythonError.typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
        }
        var missingPositional: [String] = []
        var missingKeyword: [String] = []
        for parameter in parameters where !bound.given.contains(parameter.name) {
            switch parameter.kind {
            case .positionalOrKeyword, .keywordOnly:
                if let value = parameter.defaultValue {
                    bound.values[parameter.name] = value
                } else if parameter.isOptional {
                    continue
                } else if parameter.kind == .positionalOrKeyword {
                    missingPositional.append(parameter.name)
                } else {
                    missingKeyword.append(parameter.name)
                }
            case .varPositional, .varKeyword:
                break
            }
        }
        if !missingPositional.isEmpty {
            throw PythonError.typeError(
                "\(function)() missing \(missingPositional.count) required positional argument"
                    + (missingPositional.count == 1 ? "" : "s") + ": " + listNames(missingPositional)
            )
        }
        if !missingKeyword.isEmpty {
            throw PythonError.typeError(
                "\(function)() missing \(missingKeyword.count) required keyword-only argument"
                    + (missingKeyword.count == 1 ? "" : "s") + ": " + listNames(missingKeyword)
            )
        }
        return bound
    }
}

/// CPython's list of names: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
private func listNames(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    switch quoted.count {
    case 1: return quoted[0]
    case 2: return quoted[0] + " and " + quoted[1]
    default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
}

/// One parameter of a signature.
public struct Parameter {
    /// Where the parameter sits in a Python signature: plain, after `*`, `*args` or `**kwargs`.
    public enum Kind { case positionalOrKeyword, keywordOnly, varPositional, varKeyword }
    var name: String
    var kind: Kind
    var defaultValue: Value?
    /// Not required, but with no default either: `isGiven` tells whether the caller passed it.
    var isOptional = false

    /// - Parameter default: nil means required. Write `Value.none` for a default of None (`.none` alone
    ///   would be `Optional.none`).
    public init(_ name: String, kind: Kind = .positionalOrKeyword, default: Value? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = `default`
    }

    /// A parameter that may be omitted and has no default value (`getattr(obj, name[, default])`).
    init(_ name: String, kind: Kind = .positionalOrKeyword, optional: Bool) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
    }
}

/// Arguments bound to a signature.
public struct BoundArguments {
    var values: [String: Value] = [:]
    var given: Set<String> = []
    var extraPositional: [Value] = []
    var extraKeywords: [(name: String, value: Value)] = []

    /// The bound or default value (`.none` if neither).
    public subscript(name: String) -> Value { values[name] ?? .none }
    /// True when the caller passed `name` explicitly.
    public func isGiven(_ name: String) -> Bool { given.contains(name) }
}
