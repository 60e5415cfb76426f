// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (README "Architecture"; Tests/LayoutTests checks every import against this graph):
//   poolplay → Playground → {PythonModels, Lessons, TerminalUI, LineEditing}
//   PythonModels → {PoolScript, PoolEngine, TrafficModels, MockServer}
//   Playground → Simulator → {PoolCore, TrafficModels}
//   PoolEngine → PoolCore;  MockServer → TrafficModels
// PoolCore, PoolScript and TrafficModels do no I/O.

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

var targets: [Target] = [
    .target(
        name: "PoolCore",
        dependencies: [.product(name: "DequeModule", package: "swift-collections")]
    ),
    .target(name: "PoolEngine", dependencies: ["PoolCore"] + nio),
    .target(name: "TrafficModels"),
    .target(
        name: "Simulator",
        dependencies: ["PoolCore", "TrafficModels", .product(name: "Histogram", package: "hdrhistogram-swift")]
    ),
    .target(name: "MockServer", dependencies: ["TrafficModels", .product(name: "Yams", package: "Yams")] + nio),
    .target(name: "PoolScript", dependencies: [.product(name: "BigInt", package: "BigInt")]),
    .target(name: "Lessons", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(name: "TerminalUI", dependencies: ["PoolCore"]),
    .systemLibrary(
        name: "CLibEdit",
        pkgConfig: "libedit",
        providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
    ),
    .target(name: "CEditShim", dependencies: ["CLibEdit"]),
    .target(name: "LineEditing", dependencies: ["CEditShim"]),
    .target(
        name: "PythonModels",
        dependencies: ["PoolScript", "PoolEngine", "TrafficModels", "MockServer"]
    ),
    .target(
        name: "Playground",
        dependencies: ["PythonModels", "Simulator", "Lessons", "TerminalUI", "LineEditing"]
    ),
    .executableTarget(
        name: "poolplay",
        dependencies: ["Playground", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),

    // Helpers more than one test target needs (a loopback port that refuses connections).
    .target(name: "PoolTestSupport", path: "Tests/PoolTestSupport"),
    .testTarget(
        name: "PoolCoreTests",
        dependencies: ["PoolCore"]
    ),
    .testTarget(
        name: "PoolEngineTests",
        dependencies: [
            "PoolEngine", "PoolCore", "MockServer", "PoolTestSupport", .product(name: "NIOEmbedded", package: "swift-nio"),
        ] + nio
    ),
    .testTarget(
        name: "MockServerTests",
        dependencies: ["MockServer", .product(name: "NIOEmbedded", package: "swift-nio")] + nio
    ),
    .testTarget(name: "TrafficModelsTests", dependencies: ["TrafficModels"]),
    .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "PoolCore", "TrafficModels"]),
    // The simulator against PoolEngine and the mock over loopback: the same scenarios must agree.
    .testTarget(
        name: "SimulatorCrossCheckTests", dependencies: ["Simulator", "PoolEngine", "PoolCore", "MockServer", "TrafficModels"]),
    .testTarget(name: "PoolScriptTests", dependencies: ["PoolScript"]),
    .testTarget(name: "LessonsTests", dependencies: ["Lessons"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "PoolCore"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
    .testTarget(
        name: "PlaygroundTests",
        dependencies: ["Playground", "PythonModels", "PoolScript", "MockServer", "Lessons", "PoolTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["poolplay"]),
    // Reads Sources/ as text: every import follows the dependency arrows.
    .testTarget(name: "LayoutTests"),
]

// Development aid: `POOLPLAY_TARGETS="PoolScript Lessons"` limits the package to those targets, what they
// depend on inside the package, and their test targets, so one room can be built and tested while
// another is half-written. Unset (the normal case), every target is built.
if let only = Context.environment["POOLPLAY_TARGETS"], !only.isEmpty {
    let byName = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0) })
    var keep = Set<String>()
    func visit(_ name: String) {
        guard let target = byName[name], keep.insert(name).inserted else { return }
        for dependency in target.dependencies {
            if case .byNameItem(let inner, _) = dependency { visit(inner) }
            if case .targetItem(let inner, _) = dependency { visit(inner) }
        }
    }
    for name in only.split(separator: " ").map(String.init) {
        visit(name)
        visit(name + "Tests")
    }
    targets = targets.filter { keep.contains($0.name) }
}

let package = Package(
    name: "PoolPlay",
    platforms: [.macOS(.v15)],
    products: targets.contains(where: { $0.name == "poolplay" })
        ? [.executable(name: "poolplay", targets: ["poolplay"])] : [],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
