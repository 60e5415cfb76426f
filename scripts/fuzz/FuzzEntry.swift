import Dispatch
import Foundation

/// libFuzzer's entry point: the bytes become a (lossily decoded) UTF-8 source run through `fuzzOne`.
/// libFuzzer calls this synchronously on its own thread; the run happens in a Swift task and this thread waits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let done = DispatchSemaphore(value: 0)
    let verdict = Verdict()
    Task {
        let outcome = await fuzzOne(source)
        if case .malformed(let text) = outcome { verdict.set(text) }
        done.signal()
    }
    done.wait()
    if let text = verdict.get() {
        // An unusable error rendering is a bug: report it as a crash so libFuzzer saves the input.
        FileHandle.standardError.write("malformed outcome:\n\(text)\n".data(using: .utf8)!)
        abort()
    }
    return 0
}

/// libFuzzer's optional initializer: with `POOLSCRIPT_FUZZ_SEEDS=dir` it writes the seed corpus there and exits.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    if let dir = ProcessInfo.processInfo.environment["POOLSCRIPT_FUZZ_SEEDS"] {
        for (i, p) in (FuzzCorpus.programs + FuzzCorpus.regressions).enumerated() {
            try? p.write(toFile: "\(dir)/seed-\(i).py", atomically: true, encoding: .utf8)
        }
        exit(0)
    }
    return 0
}

/// The one-shot result handed from the Swift task back to libFuzzer's thread.
final class Verdict: @unchecked Sendable {  // safe: `text` is only touched under `lock`.
    private let lock = NSLock()
    private var text: String?
    func set(_ t: String) { lock.withLock { text = t } }
    func get() -> String? { lock.withLock { text } }
}
