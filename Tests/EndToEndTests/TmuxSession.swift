import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives a program in a real pseudo-terminal through tmux, for end-to-end tests of line editing.
///
/// Each session gets its own tmux server (`tmux -L <unique socket> -f /dev/null`), so tests never
/// touch the user's tmux or each other, and its own temporary `HOME`, `XDG_STATE_HOME` and
/// `XDG_CONFIG_HOME`, so history and settings land in a throw-away folder. The environment is
/// minimal and fixed (`PATH`, `LANG=C.UTF-8`, `TERM` inside the pane is tmux's own) plus what the
/// test passes.
///
/// The robust pattern is to start a shell (`["/bin/sh"]`, dash on Debian: it does not restore the
/// tty on its own, so a broken restore shows up) and type the program's command line into it.
/// (dash ignores `PS1` from the environment when run as root, so set it by typing.)
///
///     let tmux = try TmuxSession(command: ["/bin/sh"])
///     defer { tmux.kill() }
///     tmux.sendLiteral("PS1='sh$ '")
///     tmux.sendKeys("Enter")
///     try await tmux.waitFor("sh$ ")
///     let before = try tmux.sttySettings()
///     tmux.sendLiteral("/path/to/poolplay; echo \"[exit $?]\"")
///     tmux.sendKeys("Enter")
///     try await tmux.waitFor(">>> ")
///     …
///     tmux.sendKeys("C-d")
///     try await tmux.waitFor("[exit 0]")
///     #expect(try tmux.sttySettings() == before)
///
/// Waiting is bounded polling of `capture-pane` for a condition (every 50 ms), never a fixed sleep.
final class TmuxSession {
    /// A wait that timed out, or a tmux command that failed; carries the last screen.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        let screen: String
        var description: String { "\(message)\n--- screen ---\n\(screen)\n--------------" }
    }

    /// The temporary folders handed to the program (deleted by ``kill()``).
    let root: URL
    let home: String
    let stateHome: String
    let configHome: String

    private let tmuxPath: String
    private let socket: String
    private let target = "e2e"
    private var killed = false

    /// The tmux binary on `PATH`, if any (use it to skip tests where tmux is missing).
    static var tmuxExecutable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var isAvailable: Bool { tmuxExecutable != nil }

    /// Starts `command` (executable and arguments, run directly, not through a shell) in a new
    /// detached session of `width`×`height` cells.
    init(
        command: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30
    ) throws {
        guard let tmuxPath = Self.tmuxExecutable else {
            throw Failure(message: "tmux is not installed", screen: "")
        }
        self.tmuxPath = tmuxPath
        let unique = "poolplay-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        socket = unique
        root = FileManager.default.temporaryDirectory.appendingPathComponent(unique, isDirectory: true)
        home = root.appendingPathComponent("home").path
        stateHome = root.appendingPathComponent("state").path
        configHome = root.appendingPathComponent("config").path
        for folder in [home, stateHome, configHome] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": home,
            "XDG_STATE_HOME": stateHome,
            "XDG_CONFIG_HOME": configHome,
        ]
        variables.merge(environment) { _, new in new }
        // The server inherits the first client's environment; -e also sets it on the session.
        let settings = variables.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
        let arguments =
            ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height)] + settings + command
        // This first command starts the tmux server, which inherits the client's output files.
        try execute(tmuxPath, ["-u", "-L", socket, "-f", "/dev/null"] + arguments, environment: variables, name: "start")
    }

    deinit { kill() }

    /// Sends tmux key names, e.g. `sendKeys("Up")`, `sendKeys("C-c")`, `sendKeys("Enter")`, `"Tab"`.
    func sendKeys(_ keys: String...) {
        _ = try? run(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (UTF-8 is fine; no key-name lookup). Does not press Enter.
    func sendLiteral(_ text: String) {
        _ = try? run(["send-keys", "-t", target, "-l", "--", text])
    }

    /// The visible screen as text (`capture-pane -p -N`: trailing spaces that were written, such as
    /// the one in `">>> "`, are kept), trailing blank lines removed.
    func capture() -> String {
        let screen = (try? run(["capture-pane", "-p", "-N", "-t", target])) ?? ""
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The whole history and screen with lines the terminal folded joined back (`capture-pane -J`): each line as
    /// the program wrote it, so its width shows whether the program wrapped it itself.
    func captureJoined() -> String {
        (try? run(["capture-pane", "-p", "-J", "-S", "-", "-t", target])) ?? ""
    }

    /// Polls the screen every 50 ms until it contains `text`; throws with the last screen otherwise.
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws {
        try await waitUntil("screen to contain \(text.debugDescription)", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 50 ms until `condition` holds; throws with the last screen otherwise.
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = capture()
        while !condition(screen) {
            guard clock.now < deadline else {
                throw Failure(message: "timed out after \(timeout) waiting for \(what)", screen: screen)
            }
            try await Task.sleep(for: .milliseconds(50))
            screen = capture()
        }
    }

    /// Waits until the screen's last line is exactly `line`, e.g. an empty prompt `">>> "`. Use it
    /// before sending keys after a command: then libedit is reading in raw mode, while keys sent
    /// earlier are echoed by the cooked tty (an Up arrow shows as `^[[A`) before libedit sees them.
    func waitForLastLine(_ line: String, timeout: Duration = .seconds(10)) async throws {
        try await waitUntil("last line to be \(line.debugDescription)", timeout: timeout) {
            $0.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) == line
        }
    }

    /// How many times `text` occurs on the screen (handy to wait for the *next* prompt).
    func count(of text: String) -> Int {
        capture().components(separatedBy: text).count - 1
    }

    /// The pane's terminal settings, `stty -g` run on the pane's tty (`#{pane_tty}`). Compare a
    /// value taken at a shell prompt before the program starts with one taken after it exits.
    func sttySettings() throws -> String {
        let tty = try paneValue("#{pane_tty}")
        return try execute("/bin/stty", ["-g"], stdinPath: tty, name: "stty")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A tmux format evaluated for the pane, e.g. `"#{pane_pid}"` (the pid of the started command),
    /// `"#{pane_tty}"`, `"#{cursor_x},#{cursor_y}"`.
    func paneValue(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Kills the tmux server (and with it the program) and deletes the temporary folders. Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        let socketPath = try? paneValue("#{socket_path}")
        _ = try? run(["kill-server"])
        // tmux 3.3 leaves the socket file behind after kill-server.
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs one tmux command on this session's socket and returns its standard output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        try execute(tmuxPath, ["-u", "-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Runs a program to completion with `posix_spawn` + `waitpid` and returns its stdout.
    ///
    /// Not Foundation `Process`: on Linux (swift-corelibs-foundation, Swift 6.3.1) its
    /// `waitUntilExit()` never returned for `tmux new-session -d` — the client exited and stayed a
    /// zombie while the forked server lived on. Output goes to files in ``root``, not pipes, so a
    /// daemon that keeps the descriptors open cannot stall us either.
    @discardableResult
    private func execute(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        stdinPath: String = "/dev/null", name: String = "command"
    ) throws -> String {
        let outPath = root.appendingPathComponent("\(name).out").path
        let errPath = root.appendingPathComponent("\(name).err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // Swift Testing runs us on a dispatch worker thread that blocks most signals, and a spawned
        // process inherits that mask: the tmux server (and the program in its pane) would never see
        // SIGCHLD/SIGTERM and `kill-server` would leave it running. Start children with an empty mask
        // and default dispositions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = envp.map { envp in
            posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        } ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(message: "cannot start \(executable): error \(spawned)", screen: "")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // WIFEXITED && WEXITSTATUS == 0, spelled out (the C macros are not imported).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw Failure(
                message: "\(executable) \(arguments.joined(separator: " ")) failed (status \(status)): \(errors)",
                screen: "")
        }
        return output
    }
}
