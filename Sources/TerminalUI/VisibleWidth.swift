/// The number of terminal columns a string occupies.
///
/// - ANSI escape sequences take no columns: CSI (`ESC [` … final byte `@`–`~`), OSC (`ESC ]` … BEL
///   or `ESC \`), and other two-byte `ESC x` sequences.
/// - Each grapheme cluster (Swift `Character`) takes the widest of its scalars, capped at 2, so a
///   letter with combining accents is 1, a decomposed Hangul syllable is 2 and an emoji ZWJ family is 2.
///   A cluster containing U+FE0F (emoji presentation) is 2.
/// - East Asian Wide and Fullwidth scalars (CJK ideographs, kana, Hangul syllables, fullwidth forms,
///   most emoji) are 2; see ``scalarWidth(_:)`` for the table.
/// - Combining marks, format characters (ZWJ, zero-width space) and control characters are 0.
///   Tabs are 0 too: callers expand them first if they print them.
/// - East Asian *Ambiguous* characters (box drawing `─`, `·`) count 1, as in non-CJK locales.
///
/// - Parameter string: The text, possibly with escape codes.
/// - Returns: Its width in columns.
public func visibleWidth(_ string: String) -> Int {
    var width = 0
    for character in stripANSIEscapes(string) {
        width += characterWidth(character)
    }
    return width
}

/// Removes ANSI escape sequences, leaving the visible characters.
///
/// - Parameter string: The text.
/// - Returns: The text without escape sequences.
public func stripANSIEscapes(_ string: String) -> String {
    guard string.unicodeScalars.contains("\u{1B}") else { return string }
    enum Mode { case text, escape, csi, osc, oscEscape }
    var mode = Mode.text
    var output = String.UnicodeScalarView()
    for scalar in string.unicodeScalars {
        switch mode {
        case .text:
            if scalar == "\u{1B}" { mode = .escape } else { output.append(scalar) }
        case .escape:
            mode = scalar == "[" ? .csi : scalar == "]" ? .osc : .text
        case .csi:
            if (0x40...0x7E).contains(scalar.value) { mode = .text }
        case .osc:
            if scalar == "\u{07}" { mode = .text } else if scalar == "\u{1B}" { mode = .oscEscape }
        case .oscEscape:
            mode = scalar == "\\" ? .text : .osc
        }
    }
    return String(output)
}

/// The width of one grapheme cluster: the widest scalar (capped at 2), or 2 with U+FE0F.
func characterWidth(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars {
        if scalar == "\u{FE0F}" { return 2 }
        width = max(width, scalarWidth(scalar))
    }
    return min(width, 2)
}

/// The width of one scalar: 0 for controls, combining marks and format characters; 2 for East Asian
/// Wide and Fullwidth; 1 otherwise.
///
/// The wide ranges condense Unicode 15's `EastAsianWidth.txt` (W and F) the way `wcwidth` does:
/// exact for CJK, kana, Hangul and fullwidth forms; the emoji blocks are taken whole.
func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }  // fast path for Latin text
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
        return 0
    default:
        break
    }
    if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
}

/// East Asian Wide (W) and Fullwidth (F) ranges.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
    0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
    0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
    0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
    0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
    0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
    0x3400...0x4DBF,  // CJK Extension A
    0x4E00...0x9FFF,  // CJK Unified Ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo Extended-A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth ASCII variants
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,  // Tangut, Khitan, kana supplements
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
    0x1F300...0x1F64F,  // pictographs, emoticons
    0x1F680...0x1F6FF,  // transport and map symbols
    0x1F7E0...0x1F7EB,
    0x1F900...0x1F9FF,  // supplemental symbols and pictographs
    0x1FA70...0x1FAFF,  // symbols and pictographs extended-A
    0x20000...0x2FFFD,  // CJK Extensions B–F
    0x30000...0x3FFFD,  // CJK Extension G and later
]
