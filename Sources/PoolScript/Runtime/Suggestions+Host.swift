/// CPython's "did you mean" rule (``suggestion(for:among:)``), for hosts that add teaching hints of their own.
public func closestName(to name: String, among candidates: [String]) -> String? {
    suggestion(for: name, among: candidates)
}
