/// Text made of segments, each with a ``Style``; views build it, a ``TextDecorator`` renders it.
///
/// Rendering structure first and colour last keeps views testable in plain text and lets the colour
/// policy (``TerminalCapabilities``) live in one place. Adjacent segments with the same style are
/// merged and empty segments are dropped, so two texts that look the same compare equal.
public struct StyledText: Sendable, Hashable, ExpressibleByStringLiteral {
    /// A run of text in one style.
    public struct Segment: Sendable, Hashable {
        /// The characters.
        public var text: String
        /// How they look.
        public var style: Style

        /// Creates a segment.
        ///
        /// - Parameters:
        ///   - text: The characters.
        ///   - style: How they look.
        public init(_ text: String, style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }

    /// The segments, in order; never empty strings, never two neighbours with the same style.
    public private(set) var segments: [Segment] = []

    /// Creates text in one style (empty by default).
    ///
    /// - Parameters:
    ///   - text: The characters.
    ///   - style: How they look.
    public init(_ text: String = "", style: Style = .plain) {
        append(text, style: style)
    }

    /// Creates plain text from a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Creates text from segments, normalising them.
    ///
    /// - Parameter segments: The segments.
    public init(segments: [Segment]) {
        for segment in segments { append(segment.text, style: segment.style) }
    }

    /// The characters without styling.
    public var plainText: String { segments.map(\.text).joined() }

    /// Whether there are no characters.
    public var isEmpty: Bool { segments.isEmpty }

    /// The number of terminal columns the text occupies (see ``visibleWidth(_:)``).
    public var visibleWidth: Int { TerminalUI.visibleWidth(plainText) }

    /// Appends characters in a style.
    ///
    /// - Parameters:
    ///   - text: The characters; nothing happens when empty.
    ///   - style: How they look.
    public mutating func append(_ text: String, style: Style = .plain) {
        guard !text.isEmpty else { return }
        if let last = segments.last, last.style == style {
            segments[segments.count - 1].text += text
        } else {
            segments.append(Segment(text, style: style))
        }
    }

    /// Appends another styled text.
    ///
    /// - Parameter other: The text to append.
    public mutating func append(_ other: StyledText) {
        for segment in other.segments { append(segment.text, style: segment.style) }
    }

    /// Returns the text with `style` laid over every segment (see ``Style/merging(_:)``).
    ///
    /// - Parameter style: The style to add.
    /// - Returns: The restyled text.
    public func applying(_ style: Style) -> StyledText {
        StyledText(segments: segments.map { Segment($0.text, style: $0.style.merging(style)) })
    }

    /// Concatenates two styled texts.
    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Concatenates `+=`-style.
    public static func += (lhs: inout StyledText, rhs: StyledText) {
        lhs.append(rhs)
    }
}

extension Sequence where Element == StyledText {
    /// Joins styled texts with a plain separator.
    ///
    /// - Parameter separator: The text between elements.
    /// - Returns: The joined text.
    public func joined(separator: String = "") -> StyledText {
        var result = StyledText()
        for (offset, element) in enumerated() {
            if offset > 0 { result.append(separator) }
            result.append(element)
        }
        return result
    }
}
