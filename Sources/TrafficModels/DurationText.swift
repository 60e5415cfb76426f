/// The text form of durations shared by every knob: `250ms`, `1.5s`, `2m`, `500us`, `0`.
public enum DurationText {
    /// `250ms`, `1.5s`, `2m`, `500us` (or `µs`) or `0`, case-insensitive, surrounding blanks ignored;
    /// `nil` for anything else (negative included). Rounded to whole microseconds.
    public static func parse(_ text: String) -> Duration? {
        let lower = trimmingBlanks(text).lowercased()
        if lower == "0" { return .zero }
        let units: [(String, Double)] = [("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("s", 1), ("m", 60)]
        for (suffix, scale) in units where lower.hasSuffix(suffix) {
            guard let number = Double(lower.dropLast(suffix.count)), number >= 0, number.isFinite else { return nil }
            return .microseconds(Int64((number * scale * 1e6).rounded()))
        }
        return nil
    }

    /// `200ms`, `2s`, `1.5s`: whole milliseconds below 1 s (or when not a multiple of 100 ms), seconds from there.
    public static func format(_ duration: Duration) -> String {
        let ms = duration.milliseconds
        if ms < 1000 || ms % 100 != 0 { return "\(ms)ms" }
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(Double(ms) / 1000)s"
    }

    /// The form of api.openai.com's `x-ratelimit-reset-*` headers (Go's duration text at millisecond
    /// resolution): `20ms` below a second, then `1s`, `1.5s`, `59.999s`, `6m0s`, `1h2m3s`. Rounded up to
    /// whole milliseconds, so waiting the shown time is never early.
    public static func formatReset(_ duration: Duration) -> String {
        let (seconds, attoseconds) = max(.zero, duration).components
        let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        if ms < 1000 { return "\(ms)ms" }
        let hours = ms / 3_600_000, minutes = ms / 60_000 % 60, secondsMS = ms % 60_000
        var secondsText = String(secondsMS / 1000)
        if secondsMS % 1000 != 0 {
            var fraction = String(secondsMS % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            secondsText += "." + fraction
        }
        if hours > 0 { return "\(hours)h\(minutes)m\(secondsText)s" }
        if minutes > 0 { return "\(minutes)m\(secondsText)s" }
        return secondsText + "s"
    }

    /// `text` without leading and trailing tabs and space separators (Unicode category Zs): what
    /// Foundation's `trimmingCharacters(in: .whitespaces)` removes.
    static func trimmingBlanks(_ text: String) -> String {
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }),
            let last = scalars.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
