/// "Did you mean" suggestions, ported from CPython 3.11's `Python/suggestions.c`
/// (`calculate_suggestions` and `levenshtein_distance`): a Levenshtein distance in which a case-only
/// change costs 1 and any other edit costs 2, and a candidate is accepted only within
/// `(len(a) + len(b) + 3) * 2 // 6`.
private let moveCost = 2
private let caseCost = 1
private let maxStringSize = 40
private let maxCandidateItems = 750

private func substitutionCost(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
    if a == b { return 0 }
    if String(a).lowercased() == String(b).lowercased() { return caseCost }
    return moveCost
}

func levenshteinDistance(_ aText: String, _ bText: String, maxCost: Int) -> Int {
    if aText == bText { return 0 }
    var a = Array(aText.unicodeScalars)[...]
    var b = Array(bText.unicodeScalars)[...]
    while let x = a.first, let y = b.first, x == y {
        a = a.dropFirst()
        b = b.dropFirst()
    }
    while let x = a.last, let y = b.last, x == y {
        a = a.dropLast()
        b = b.dropLast()
    }
    if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
    if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
    if a.count > b.count { swap(&a, &b) }
    if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
    let aa = Array(a)
    let bb = Array(b)
    var row = (0...aa.count).map { $0 * moveCost }
    var result = 0
    for (bIndex, bc) in bb.enumerated() {
        var distance = bIndex * moveCost
        result = distance
        var minimum = Int.max
        for (index, ac) in aa.enumerated() {
            let substitute = distance + substitutionCost(ac, bc)
            distance = row[index + 1]
            let insertDelete = min(result, distance) + moveCost
            result = min(insertDelete, substitute)
            row[index + 1] = result
            if result < minimum { minimum = result }
        }
        _ = row[0]
        if minimum > maxCost { return maxCost + 1 }
    }
    return result
}

/// The closest candidate to `name`, if close enough (CPython 3.11's rule).
func suggestion(for name: String, among candidates: [String]) -> String? {
    let unique = Array(Set(candidates)).sorted()
    guard unique.count <= maxCandidateItems else { return nil }
    var best: String?
    var bestDistance = Int.max
    for item in unique where item != name {
        var maxDistance = (name.unicodeScalars.count + item.unicodeScalars.count + 3) * moveCost / 6
        maxDistance = min(maxDistance, bestDistance - 1)
        let distance = levenshteinDistance(name, item, maxCost: maxDistance)
        if distance > maxDistance { continue }
        if best == nil || distance < bestDistance {
            best = item
            bestDistance = distance
        }
    }
    return best
}
