/// How a run of text looks: an optional foreground colour plus attributes.
///
/// Styles are data; only ``ANSIDecorator`` turns them into escape codes, and ``PlainDecorator``
/// ignores them. Combine styles with an array literal, later colours winning:
/// `let style: Style = [.red, .bold]`.
public struct Style: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The eight basic terminal colours plus gray ("bright black"), which read well on dark and light
    /// backgrounds alike. Basic SGR colours follow the learner's terminal theme, unlike 256-colour codes.
    public enum Color: Sendable, Hashable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white, gray
    }

    /// The foreground colour; `nil` keeps the terminal's default.
    public var color: Color?
    /// Bold (SGR 1).
    public var isBold: Bool
    /// Dim, a.k.a. faint (SGR 2).
    public var isDim: Bool
    /// Italic (SGR 3); some terminals show it as inverse or ignore it.
    public var isItalic: Bool
    /// Underlined (SGR 4).
    public var isUnderlined: Bool

    /// Creates the plain style (the same as ``plain``).
    public init() {
        self.init(color: nil)
    }

    /// Creates a style.
    ///
    /// - Parameters:
    ///   - color: The foreground colour, or `nil`.
    ///   - isBold: Bold.
    ///   - isDim: Dim.
    ///   - isItalic: Italic.
    ///   - isUnderlined: Underlined.
    public init(
        color: Color? = nil,
        isBold: Bool = false,
        isDim: Bool = false,
        isItalic: Bool = false,
        isUnderlined: Bool = false
    ) {
        self.color = color
        self.isBold = isBold
        self.isDim = isDim
        self.isItalic = isItalic
        self.isUnderlined = isUnderlined
    }

    /// Merges the styles in order: attributes accumulate, the last colour given wins.
    public init(arrayLiteral elements: Style...) {
        self = elements.reduce(Style()) { $0.merging($1) }
    }

    /// Returns this style with `other` laid on top: attributes accumulate, `other`'s colour wins if set.
    ///
    /// - Parameter other: The style to add.
    /// - Returns: The combined style.
    public func merging(_ other: Style) -> Style {
        Style(
            color: other.color ?? color,
            isBold: isBold || other.isBold,
            isDim: isDim || other.isDim,
            isItalic: isItalic || other.isItalic,
            isUnderlined: isUnderlined || other.isUnderlined
        )
    }

    /// Whether the style changes nothing.
    public var isPlain: Bool { self == .plain }

    /// No styling.
    public static let plain = Style()
    /// Bold.
    public static let bold = Style(isBold: true)
    /// Dim.
    public static let dim = Style(isDim: true)
    /// Italic.
    public static let italic = Style(isItalic: true)
    /// Underlined.
    public static let underline = Style(isUnderlined: true)
    /// Black foreground.
    public static let black = Style(color: .black)
    /// Red foreground: errors.
    public static let red = Style(color: .red)
    /// Green foreground: success, idle connections.
    public static let green = Style(color: .green)
    /// Yellow foreground: warnings, queued requests.
    public static let yellow = Style(color: .yellow)
    /// Blue foreground.
    public static let blue = Style(color: .blue)
    /// Magenta foreground.
    public static let magenta = Style(color: .magenta)
    /// Cyan foreground: hints.
    public static let cyan = Style(color: .cyan)
    /// White foreground.
    public static let white = Style(color: .white)
    /// Gray ("bright black") foreground: secondary detail.
    public static let gray = Style(color: .gray)
}
