/// When a ``Fault`` fires: with a probability per request, or on every n-th OpenAI request.
public struct FaultRule: Sendable, Hashable, CustomStringConvertible {
    public enum Trigger: Sendable, Hashable {
        /// Each request independently, with this probability in 0...1 (seeded).
        case probability(Double)
        /// Requests n, 2n, 3n… (counted from the configuration change that set the rule).
        case every(Int)
    }

    public var fault: Fault
    public var trigger: Trigger

    public init(_ fault: Fault, _ trigger: Trigger) {
        self.fault = fault
        self.trigger = trigger
    }

    /// Parses `503@0.2`, `500/3` or a bare `close` (every request).
    public init?(_ text: String) {
        if let at = text.firstIndex(of: "@") {
            guard let fault = Fault(String(text[..<at])), let p = Double(text[text.index(after: at)...]),
                (0...1).contains(p)
            else { return nil }
            self.init(fault, .probability(p))
        } else if let slash = text.firstIndex(of: "/") {
            guard let fault = Fault(String(text[..<slash])), let n = Int(text[text.index(after: slash)...]), n >= 1
            else { return nil }
            self.init(fault, .every(n))
        } else {
            guard let fault = Fault(text) else { return nil }
            self.init(fault, .every(1))
        }
    }

    public var description: String {
        switch trigger {
        case .probability(let p): "\(fault)@\(p)"
        case .every(let n): "\(fault)/\(n)"
        }
    }

    /// Whether the rule fires for the `count`-th request (1-based); a probability rule draws one number
    /// from `random`, an every-n-th rule none.
    public func fires<Generator: RandomNumberGenerator>(count: Int, random: inout Generator) -> Bool {
        switch trigger {
        case .probability(let p): random.nextUnit() < p
        case .every(let n): count % n == 0
        }
    }
}
