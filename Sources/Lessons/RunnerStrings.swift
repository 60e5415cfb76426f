import Foundation

/// The lesson runner's own words — step headers, the pass line, hint and solution messages, `%lessons` and `%lang`
/// — in every language the lessons come in (`en`, `zh-Hans`).
///
/// One catalogue for the runner and the playground's lesson magics, so a new language is one more table. A
/// message's arguments are written `{0}`, `{1}`, … and filled in by ``text(_:_:_:)``. Python's own errors are not
/// here: they stay in English, as CPython prints them.
public enum RunnerStrings {
    /// Every message; both tables hold every key (a test checks this, and that the placeholders agree).
    public enum Key: String, CaseIterable, Sendable {
        // Step headers and footers (LessonView).
        case stepHeaderWithLesson, stepHeader, checkedFooter, readingFooter
        case stepPassed, lessonComplete, hintLabel, noMoreHintsSolution, replayed
        // LessonRunner.
        case lastStepReachGoal, lessonAlreadyComplete, notStartedYet, firstStep, noSteps, noStepInProgress
        case noHintsReadingStep, noMoreHintsNext
        // LessonController.
        case noLessonInProgressStart, listingAtStep, progressClearedNoFile, progressCleared, progressClearedBackup
        // Lesson magics.
        case startOneWith, noLessonInProgress, everyLessonComplete, noLessonInProgressNext, nextLessonOffer
        case lastLessonDone, goalLine, readingStepGoal, nothingToCheck, alreadyPassed, notYetFalse, notYetRaises
        case noSolution, solutionPretypedMultiline, solutionShown, solutionRunHint
        // Entering, leaving and replaying a lesson.
        case namesSetAside, leftLesson, leftLessonOnePool, leftLessonPools, replayInterrupted, replayStopped
        // %lang.
        case languageNow, languageCurrent, languageUsage
    }

    /// The languages with a table, by their tag.
    public static let languages = ["en", "zh-Hans"]

    /// English.
    public static let en: [Key: String] = [
        .stepHeaderWithLesson: "Lesson {0} · Step {1}/{2}",
        .stepHeader: "Step {0}/{1}",
        .checkedFooter: "(checked after each statement · %goal · %check · %hint · %solution)",
        .readingFooter: "(%next to continue)",
        .stepPassed: "✓ step {0} passed — %next to continue",
        .lessonComplete: "★ lesson complete: {0} — %next goes on to the next lesson",
        .hintLabel: "hint: ",
        .noMoreHintsSolution: "No more hints; %solution shows the answer.",
        .replayed: "↻ step {0}/{1} replayed · {2}",
        .lastStepReachGoal: "This is the last step: reach its goal to finish the lesson (%hint, %solution).",
        .lessonAlreadyComplete: "The lesson is complete. %lessons lists the others.",
        .notStartedYet: "The lesson has not started yet.",
        .firstStep: "This is the first step.",
        .noSteps: "The lesson has no steps.",
        .noStepInProgress: "No step is in progress.",
        .noHintsReadingStep: "This step has no hints: read it, then %next to continue.",
        .noMoreHintsNext: "No more hints. %next to continue.",
        .noLessonInProgressStart: "No lesson in progress. %lessons lists them; %lesson 1 starts one.",
        .listingAtStep: " (at step {0}/{1}: %lesson resumes)",
        .progressClearedNoFile: "Lesson progress cleared (this session saves none).",
        .progressCleared: "Lesson progress cleared.",
        .progressClearedBackup: "Lesson progress cleared; the old progress is saved in {0}.",
        .startOneWith: "Start one with %lesson N.",
        .noLessonInProgress: "No lesson in progress.",
        .everyLessonComplete: "Every lesson is complete. %lesson N opens one again; %lessons reset clears progress.",
        .noLessonInProgressNext: "No lesson in progress. %lessons lists them; %lesson starts the next one.",
        .nextLessonOffer: "Next: lesson {0} · {1}. %next starts it.",
        .lastLessonDone: "That was the last lesson. %lessons shows your progress.",
        .goalLine: "{0} · goal: ",
        .readingStepGoal: "{0} · {1}: a reading step; %next to continue.",
        .nothingToCheck: "This step has nothing to check: %next to continue.",
        .alreadyPassed: "✓ step {0} already passed — %next to continue",
        .notYetFalse: "✗ not yet: {0} is false",
        .notYetRaises: "✗ not yet: {0} raises {1}",
        .noSolution: "This step has no solution: %next to continue.",
        .solutionPretypedMultiline:
            "Solution (pre-typed one line per prompt: edit each, then Enter; %solution run runs it as typed):",
        .solutionShown: "Solution:",
        .solutionRunHint: "%solution run runs it as if you typed it.",
        .namesSetAside: "(Your names — {0} — are set aside while the lesson runs; %lesson off brings them back.)",
        .leftLesson: "Left the lesson. Your own names are back.",
        .leftLessonOnePool: "Left the lesson; its 1 connection pool is closed. Your own names are back.",
        .leftLessonPools: "Left the lesson; its {0} connection pools are closed. Your own names are back.",
        .replayInterrupted: "Replay interrupted: continuing at step {0}.",
        .replayStopped:
            "replay stopped at step {0}/{1} ({2}): its check does not pass after its solution; continuing at that step.",
        .languageNow: "Lessons are now in English.",
        .languageCurrent: "Lesson language: English (%lang zh-Hans switches to Simplified Chinese).",
        .languageUsage: "usage: %lang [en|zh-Hans]",
    ]

    /// Simplified Chinese.
    public static let zhHans: [Key: String] = [
        .stepHeaderWithLesson: "第 {0} 课 · 第 {1}/{2} 步",
        .stepHeader: "第 {0}/{1} 步",
        .checkedFooter: "（每条语句运行后自动检查 · %goal · %check · %hint · %solution）",
        .readingFooter: "（输入 %next 继续）",
        .stepPassed: "✓ 第 {0} 步通过 —— 输入 %next 继续",
        .lessonComplete: "★ 本课完成：{0} —— 输入 %next 进入下一课",
        .hintLabel: "提示：",
        .noMoreHintsSolution: "没有更多提示了；%solution 可以看答案。",
        .replayed: "↻ 已重放第 {0}/{1} 步 · {2}",
        .lastStepReachGoal: "这是最后一步：完成它的目标就结束本课（%hint、%solution）。",
        .lessonAlreadyComplete: "本课已经完成。%lessons 列出其他课程。",
        .notStartedYet: "本课还没有开始。",
        .firstStep: "这已经是第一步。",
        .noSteps: "本课没有步骤。",
        .noStepInProgress: "当前没有进行中的步骤。",
        .noHintsReadingStep: "这一步没有提示：读完后输入 %next 继续。",
        .noMoreHintsNext: "没有更多提示了。输入 %next 继续。",
        .noLessonInProgressStart: "当前没有进行中的课程。%lessons 列出所有课程；%lesson 1 开始第一课。",
        .listingAtStep: "（进行到第 {0}/{1} 步：%lesson 继续）",
        .progressClearedNoFile: "课程进度已清空（本次会话不保存进度）。",
        .progressCleared: "课程进度已清空。",
        .progressClearedBackup: "课程进度已清空；旧的进度备份在 {0}。",
        .startOneWith: "用 %lesson N 开始一课。",
        .noLessonInProgress: "当前没有进行中的课程。",
        .everyLessonComplete: "所有课程都已完成。%lesson N 可以重新打开一课；%lessons reset 清空进度。",
        .noLessonInProgressNext: "当前没有进行中的课程。%lessons 列出所有课程；%lesson 开始下一课。",
        .nextLessonOffer: "下一课：第 {0} 课 · {1}。输入 %next 开始。",
        .lastLessonDone: "这是最后一课了。%lessons 查看你的进度。",
        .goalLine: "{0} · 目标：",
        .readingStepGoal: "{0} · {1}：阅读步骤，输入 %next 继续。",
        .nothingToCheck: "这一步没有需要检查的内容：输入 %next 继续。",
        .alreadyPassed: "✓ 第 {0} 步已经通过 —— 输入 %next 继续",
        .notYetFalse: "✗ 还没有：{0} 为假",
        .notYetRaises: "✗ 还没有：{0} 抛出了 {1}",
        .noSolution: "这一步没有参考答案：输入 %next 继续。",
        .solutionPretypedMultiline: "参考答案（已逐行预先输入到提示符：每行可先修改，再按回车；%solution run 会照原样运行）：",
        .solutionShown: "参考答案：",
        .solutionRunHint: "%solution run 会像你亲手输入一样运行它。",
        .namesSetAside: "（你定义的名字 —— {0} —— 在课程期间先收起来；%lesson off 会把它们还回来。）",
        .leftLesson: "已离开课程。你自己的名字都回来了。",
        .leftLessonOnePool: "已离开课程；它的 1 个连接池已关闭。你自己的名字都回来了。",
        .leftLessonPools: "已离开课程；它的 {0} 个连接池已关闭。你自己的名字都回来了。",
        .replayInterrupted: "重放被中断：从第 {0} 步继续。",
        .replayStopped: "重放停在第 {0}/{1} 步（{2}）：运行参考答案后检查仍未通过；从这一步继续。",
        .languageNow: "课程已切换为简体中文。",
        .languageCurrent: "课程语言：简体中文（%lang en 切换为英文）。",
        .languageUsage: "用法：%lang [en|zh-Hans]",
    ]

    /// The table for `language` (`zh-Hans`; anything else is English).
    public static func table(_ language: String) -> [Key: String] {
        language == "zh-Hans" ? zhHans : en
    }

    /// The message `key` in `language`, with `{0}`, `{1}`, … replaced by `arguments`.
    public static func text(_ key: Key, _ language: String, _ arguments: any CustomStringConvertible...) -> String {
        text(key, language, arguments: arguments)
    }

    /// The message `key` in `language`, with `{0}`, `{1}`, … replaced by `arguments`.
    public static func text(_ key: Key, _ language: String, arguments: [any CustomStringConvertible]) -> String {
        var message = table(language)[key] ?? en[key] ?? key.rawValue
        for (index, argument) in arguments.enumerated() {
            message = message.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return message
    }

    /// The placeholders (`{0}`, `{1}`, …) a message uses, in ascending order.
    public static func placeholders(_ message: String) -> [Int] {
        var found: Set<Int> = []
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if let number = Int(after[..<close]) { found.insert(number) }
            rest = after[after.index(after: close)...]
        }
        return found.sorted()
    }
}
