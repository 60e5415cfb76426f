import Foundation
import Testing

/// A lesson walked in Simplified Chinese in a real pseudo-terminal (tmux, a private server per test): chosen by the
/// locale (`LANG=zh_CN.UTF-8`), then by `--lang zh-Hans` after a restart; `%hint`, `%solution` edited before
/// Enter, the resume at the saved step (progress in the test's own `XDG_STATE_HOME`), and the ✓ in `%lessons`.
@Suite(.serialized) struct ChineseLessonTerminalTests {
    @Test(.enabled(if: TmuxSession.isAvailable))
    func aLessonInChineseWithHintSolutionResumeAndTheTick() async throws {
        let tmux = try TmuxSession(command: ["/bin/sh"], environment: ["NO_COLOR": "1"], width: 100, height: 40)
        defer { tmux.kill() }
        let poolplay = try PoolplayBinary.path
        tmux.sendLiteral("PS1='sh$ '")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("sh$ ")

        // First run: the locale asks for Chinese.
        tmux.sendLiteral("LANG=zh_CN.UTF-8 \(poolplay) lesson 1 --latency 10ms; echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("── 第 1 课 · 第 1/4 步 · 描述连接数限制 ──", timeout: .seconds(30))
        try await tmux.waitFor("（每条语句运行后自动检查 · %goal · %check · %hint · %solution）")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%hint")
        try await tmux.waitFor("提示：Limits 只接受关键字参数")
        try await tmux.waitForLastLine(">>> ")

        // %solution pre-types the two-line solution one line per prompt; the first line is edited before Enter.
        tmux.sendLiteral("%solution")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("参考答案（已逐行预先输入到提示符")
        try await tmux.waitForLastLine(">>> import httpx")
        tmux.sendLiteral(", asyncio")
        tmux.sendKeys("Enter")
        try await tmux.waitFor(">>> limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("✓ 第 1 步通过 —— 输入 %next 继续")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "asyncio.__name__")
        try await tmux.waitFor("'asyncio'")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%next")
        try await tmux.waitFor("── 第 1 课 · 第 2/4 步 · 把限制设在 HTTP 客户端上 ──")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
        let progress = URL(fileURLWithPath: tmux.stateHome).appendingPathComponent("poolplay/progress.json").path
        #expect(FileManager.default.fileExists(atPath: progress), "progress is saved in the test's XDG_STATE_HOME")

        // Second run: an English locale, Chinese by --lang; %lesson resumes at step 2, replaying step 1.
        tmux.sendLiteral("clear; \(poolplay) --lang zh-Hans --latency 10ms; echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try await tmux.waitForLastLine(">>> ", timeout: .seconds(30))
        try await type(tmux, "%lessons")
        try await tmux.waitFor("▸ 1. 连接数限制要设在 HTTP 客户端上 [1/4]")
        try await waitForUnwrapped(tmux, "（进行到第 2/4 步：%lesson 继续）")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%lesson")
        try await tmux.waitFor("↻ 已重放第 1/4 步 · 描述连接数限制")
        try await tmux.waitFor("── 第 1 课 · 第 2/4 步 · 把限制设在 HTTP 客户端上 ──")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "http_client = httpx.AsyncClient(limits=limits)")
        try await tmux.waitFor("✓ 第 2 步通过")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%next")
        try await tmux.waitFor("── 第 1 课 · 第 3/4 步 · 把 HTTP 客户端交给 AsyncOpenAI ──")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "from openai import AsyncOpenAI")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "client = AsyncOpenAI(http_client=http_client)")
        try await tmux.waitFor("✓ 第 3 步通过")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%next")
        try await tmux.waitFor("── 第 1 课 · 第 4/4 步 · 发一波突发请求 ──")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "import asyncio")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "results = await asyncio.gather(*[client.models.list() for _ in range(20)])")
        try await tmux.waitFor("★ 本课完成：连接数限制要设在 HTTP 客户端上", timeout: .seconds(20))
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%clear")
        try await tmux.waitForLastLine(">>> ")
        try await type(tmux, "%lessons")
        try await tmux.waitFor("✓ 1. 连接数限制要设在 HTTP 客户端上 [4/4]")
        try await tmux.waitFor("用 %lesson N 开始一课。")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }

    /// Waits for `text` in the screen with `%lessons`' wrapped lines joined again (a newline and the 5-column indent).
    private func waitForUnwrapped(_ tmux: TmuxSession, _ text: String) async throws {
        try await tmux.waitUntil("the unwrapped screen to contain \(text.debugDescription)") {
            $0.replacingOccurrences(of: "\n     ", with: "").contains(text)
        }
    }

    /// Types `line` at the prompt and presses Enter.
    private func type(_ tmux: TmuxSession, _ line: String) async throws {
        tmux.sendLiteral(line)
        tmux.sendKeys("Enter")
    }
}
