/// The curriculum compiled into the binary: the text of every lesson file of `Lessons/`.
///
/// `scripts/gen-bundled-lessons.sh` writes ``files`` (in `BundledLessons+Files.swift`) from `Lessons/*.md`, and a
/// test fails while the two differ, so a `poolplay` copied anywhere has every lesson without reading a file.
/// (SwiftPM resources are not used: on Linux their accessor falls back to an absolute `.build/…` path.)
public enum BundledLessons {
    /// One lesson file: its name (`01-limits.md`) and its whole text.
    public struct File: Sendable, Equatable {
        /// The file name inside `Lessons/`.
        public var name: String
        /// The file's text, byte for byte.
        public var text: String

        /// Creates a file.
        ///
        /// - Parameters:
        ///   - name: The file name.
        ///   - text: The text.
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }

        /// Creates a file from its lines (the generated source lists them one literal each).
        ///
        /// - Parameters:
        ///   - name: The file name.
        ///   - lines: The lines, joined with `\n`; a last empty line gives the text a final newline.
        public init(name: String, lines: [String]) {
            self.init(name: name, text: lines.joined(separator: "\n"))
        }
    }

    /// The path shown in messages about a bundled file: `Lessons/01-limits.md`.
    ///
    /// - Parameter file: The file.
    /// - Returns: The path as it is in the repository.
    public static func displayPath(of file: File) -> String { "Lessons/" + file.name }
}
