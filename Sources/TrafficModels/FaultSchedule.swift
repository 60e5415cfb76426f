/// Which ``Fault`` (if any) each request of a stream gets: the rules in force and how many requests
/// they have seen.
///
/// Requests are counted from the moment the rules were last set, so after `fault=500/3` the third
/// request that follows fails whatever came before.
public struct FaultSchedule: Sendable, Hashable {
    /// The rules; the first that fires for a request wins.
    public private(set) var rules: [FaultRule]
    /// Requests counted (by ``next(override:random:)``) since ``rules`` last changed.
    public private(set) var count = 0

    /// A schedule that has counted no request yet.
    public init(rules: [FaultRule] = []) {
        self.rules = rules
    }

    /// Replaces the rules; different rules restart the count, the same rules leave it alone.
    public mutating func setRules(_ rules: [FaultRule]) {
        guard rules != self.rules else { return }
        self.rules = rules
        count = 0
    }

    /// Counts one request and returns its fault: `override` when given (a per-request fault, which
    /// draws nothing from `random`), else the first rule that fires, else `nil`.
    public mutating func next<Generator: RandomNumberGenerator>(
        override: Fault? = nil, random: inout Generator
    ) -> Fault? {
        count += 1
        if let override { return override }
        for rule in rules where rule.fires(count: count, random: &random) {
            return rule.fault
        }
        return nil
    }
}
