import Foundation
import Testing

/// Every `import` of every source file names a module its target may use: a system or package library, or a
/// target the dependency arrows reach (README, "Architecture"). A new arrow is a decision: add it here and there.
@Suite struct ImportGraphTests {
    /// The arrows between this package's targets, as the README draws them.
    static let arrows: [String: [String]] = [
        "poolplay": ["Playground"],
        "Playground": ["PythonModels", "Simulator", "Lessons", "TerminalUI", "LineEditing"],
        "PythonModels": ["PoolScript", "PoolEngine", "TrafficModels", "MockServer"],
        "PoolEngine": ["PoolCore"],
        "Simulator": ["PoolCore", "TrafficModels"],
        "MockServer": ["TrafficModels"],
        "TerminalUI": ["PoolCore"],
        "LineEditing": ["CEditShim"],
        "CEditShim": ["CLibEdit"],
        "PoolCore": [], "PoolScript": [], "TrafficModels": [], "Lessons": [], "CLibEdit": [],
    ]

    /// Modules from outside the package that each target may import (the system's and its package dependencies).
    static let external: [String: Set<String>] = [
        "PoolCore": ["DequeModule"],
        "PoolScript": ["BigInt"],
        "TrafficModels": [],
        "Lessons": ["Foundation", "Yams"],
        "MockServer": ["Foundation", "NIOCore", "NIOPosix", "NIOHTTP1", "Yams"],
        "PoolEngine": ["Foundation", "NIOCore", "NIOPosix", "NIOHTTP1", "DequeModule"],
        "PythonModels": [], "Playground": [], "TerminalUI": [], "LineEditing": [], "Simulator": ["Histogram"],
        "poolplay": ["ArgumentParser"],
    ]
    /// Modules every target may import.
    static let everywhere = Set(["Swift", "Dispatch", "Synchronization", "Foundation"]).union(libc)
    /// The C library, for its maths (`fmod`, `pow`) in pure targets.
    static let libc: Set<String> = ["Glibc", "Musl", "Darwin"]
    /// Targets that do no I/O: not even Foundation.
    static let pure: Set<String> = ["PoolCore", "PoolScript", "TrafficModels", "Simulator"]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    static func reachable(from target: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = arrows[target] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack += arrows[next] ?? [] }
        }
        return seen
    }

    static func imports(in file: URL) throws -> [(line: Int, module: String)] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var found: [(Int, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var words = raw.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
            guard words.count >= 2, words[0] == "import" else { continue }
            let module = words.count >= 3 && ["struct", "class", "enum", "func", "protocol"].contains(words[1])
                ? words[2] : words[1]
            found.append((index + 1, String(module.split(separator: ".").first!)))
        }
        return found
    }

    @Test func everyImportFollowsTheArrows() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).sorted()
        #expect(targets.contains("PoolCore") && targets.contains("Playground"))
        var problems: [String] = []
        for target in targets where !target.hasPrefix(".") {
            guard Self.arrows[target] != nil else {
                problems.append("\(target): a target the arrows do not know")
                continue
            }
            let internalTargets = Set(Self.arrows.keys)
            let allowedInternal = Self.reachable(from: target)
            let allowedExternal = Self.pure.contains(target)
                ? (Self.external[target] ?? []).union(["Swift", "Synchronization"]).union(Self.libc)
                : Self.external[target].map { $0.union(Self.everywhere) }
            let enumerator = FileManager.default.enumerator(
                at: Self.sources.appendingPathComponent(target), includingPropertiesForKeys: nil)
            while let file = enumerator?.nextObject() as? URL {
                guard file.pathExtension == "swift" else { continue }
                for (line, module) in try Self.imports(in: file) {
                    let where_ = "\(target)/\(file.lastPathComponent):\(line)"
                    if internalTargets.contains(module) {
                        if !allowedInternal.contains(module) { problems.append("\(where_) imports \(module)") }
                    } else if let allowed = allowedExternal, !allowed.contains(module) {
                        problems.append("\(where_) imports \(module), outside what \(target) may use")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theArrowsHaveNoCycle() {
        for target in Self.arrows.keys {
            #expect(!Self.reachable(from: target).contains(target), "\(target) reaches itself")
        }
    }

    @Test func theCheckCatchesAnUpwardImport() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upward-\(getpid()).swift")
        try "import Foundation\n@testable import Playground\nimport PoolCore\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let found = try Self.imports(in: file).map(\.module)
        #expect(found == ["Foundation", "Playground", "PoolCore"])
        #expect(!Self.reachable(from: "PoolCore").contains("Playground"))
        #expect(Self.reachable(from: "poolplay").contains("PoolCore"))
    }
}
