import Dispatch
import Foundation

/// The seeded generator: `fuzz-gen [--seed S] [--count N] [--start K] [--trace]` runs inputs K..<K+N of the
/// mutation stream for seed S through `fuzzOne`, with a watchdog that reports a hang (an input over 2 s).
/// `--small` makes the test suite's inputs; `--show` prints the inputs instead of running them; `--trace` prints each input's index before running it, to find the one that crashes.
@main struct FuzzGenerator {
    static func main() async {
        var seed: UInt64 = 1
        var count = 1_000_000
        var start = 0
        var trace = false
        var show = false
        var small = false
        var args = CommandLine.arguments.dropFirst().makeIterator()
        while let a = args.next() {
            switch a {
            case "--seed": seed = UInt64(args.next() ?? "") ?? seed
            case "--count": count = Int(args.next() ?? "") ?? count
            case "--start": start = Int(args.next() ?? "") ?? start
            case "--trace": trace = true
            case "--small": small = true
            case "--show": show = true
            case "--file":
                // Runs one saved input (a crash or hang found by libFuzzer) and prints its outcome.
                let path = args.next() ?? ""
                guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); return }
                print(await fuzzOne(String(decoding: data, as: UTF8.self)))
                return
            case "--dump":
                let dir = args.next() ?? "corpus"
                for (i, p) in (FuzzCorpus.programs + FuzzCorpus.regressions).enumerated() {
                    try? p.write(toFile: "\(dir)/seed-\(i).py", atomically: true, encoding: .utf8)
                }
                return
            default: break
            }
        }
        var mutator = FuzzMutator(seed: seed, corpus: FuzzCorpus.programs, small: small)
        for _ in 0..<start { _ = mutator.next() }
        let began = ContinuousClock.now
        var counts: [String: Int] = [:]
        let current = Watchdog()
        current.start()
        for index in start..<(start + count) {
            let input = mutator.next()
            if show { print(input.debugDescription); continue }
            if trace { FileHandle.standardError.write("input \(index)\n".data(using: .utf8)!) }
            current.begin(index, input)
            let t0 = ContinuousClock.now
            let outcome = await fuzzOne(input, interactive: !small || index % 4 == 0)
            current.end()
            if trace { print("time \(index) \(ContinuousClock.now - t0) \(input.prefix(60).debugDescription)") }
            switch outcome {
            case .ok: counts["ok", default: 0] += 1
            case .error: counts["error", default: 0] += 1
            case .syntaxError: counts["syntaxError", default: 0] += 1
            case .malformed(let text):
                counts["malformed", default: 0] += 1
                print("MALFORMED seed \(seed) input \(index): \(input.debugDescription)\n\(text)")
            }
            if (index - start + 1) % 100_000 == 0 { report(index - start + 1, began, counts) }
        }
        report(count, began, counts)
        print("hangs: 0, crashes: 0 (a crash or hang would have stopped the run)")
    }

    static func report(_ n: Int, _ began: ContinuousClock.Instant, _ counts: [String: Int]) {
        let d = ContinuousClock.now - began
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        print("total \(n) inputs in \(String(format: "%.1f", seconds)) s, \(Int(Double(n) / seconds)) inputs/s, \(counts.sorted { $0.key < $1.key })")
        fflush(stdout)
    }
}

/// Aborts the run when one input takes longer than the per-input timeout (wall clock; `FUZZ_TIMEOUT` seconds,
/// default 10 — a 2 s limit flagged a 60 ms input on a machine loaded to 4× its cores), printing it as a hang.
final class Watchdog: @unchecked Sendable {  // safe: every field is guarded by `lock`.
    let lock = NSLock()
    var index = -1
    var input = ""
    var since = DispatchTime.now()
    let timeout = UInt64((Double(ProcessInfo.processInfo.environment["FUZZ_TIMEOUT"] ?? "") ?? 10) * 1e9)

    func begin(_ i: Int, _ s: String) { lock.withLock { index = i; input = s; since = .now() } }
    func end() { lock.withLock { index = -1 } }
    func start() {
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                self.lock.withLock {
                    if self.index >= 0 && DispatchTime.now().uptimeNanoseconds - self.since.uptimeNanoseconds > self.timeout {
                        print("HANG input \(self.index): \(self.input.debugDescription)")
                        fflush(stdout)
                        exit(3)
                    }
                }
            }
        }
    }
}
