/// Renders ``StyledText`` with ANSI SGR escape codes.
///
/// Each styled segment becomes `ESC[<codes>m` + text + `ESC[0m`; plain segments are copied as they
/// are. Codes come attributes first (1 bold, 2 dim, 3 italic, 4 underline), then the colour (30–37,
/// 90 for gray), e.g. `ESC[1;31m` for bold red.
///
/// A segment that spans lines is closed before each `\n` and reopened after it, so every printed line
/// stands alone: a pager (`less -R`), a terminal that scrolls, or libedit redrawing the prompt never
/// inherits a colour from the line above.
public struct ANSIDecorator: TextDecorator {
    /// The escape character that starts every sequence.
    public static let escape = "\u{1B}"
    /// The sequence that ends a styled segment.
    public static let reset = "\u{1B}[0m"

    /// Creates the decorator.
    public init() {}

    /// Renders with escape codes.
    public func render(_ text: StyledText) -> String {
        var output = ""
        for segment in text.segments {
            let codes = Self.codes(for: segment.style)
            guard !codes.isEmpty else {
                output += segment.text
                continue
            }
            let open = "\(Self.escape)[\(codes.map(String.init).joined(separator: ";"))m"
            let lines = segment.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                if index > 0 { output += "\n" }
                if !line.isEmpty { output += open + line + Self.reset }
            }
        }
        return output
    }

    /// The SGR parameters for a style, attributes first; empty for ``Style/plain``.
    ///
    /// - Parameter style: The style.
    /// - Returns: The numeric codes.
    public static func codes(for style: Style) -> [Int] {
        var codes: [Int] = []
        if style.isBold { codes.append(1) }
        if style.isDim { codes.append(2) }
        if style.isItalic { codes.append(3) }
        if style.isUnderlined { codes.append(4) }
        if let color = style.color { codes.append(code(for: color)) }
        return codes
    }

    private static func code(for color: Style.Color) -> Int {
        switch color {
        case .black: 30
        case .red: 31
        case .green: 32
        case .yellow: 33
        case .blue: 34
        case .magenta: 35
        case .cyan: 36
        case .white: 37
        case .gray: 90
        }
    }
}
