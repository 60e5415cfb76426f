/// `%help` in another language: the lesson magics' lines translated, keyed by their English summary, so no magic
/// file changes. A summary without a translation stays in English (the other magics' lines, for now).
enum MagicHelpTranslations {
    /// Simplified Chinese summaries, keyed by the English summary of a ``Magic/HelpEntry``.
    static let zhHans: [String: String] = [
        "the lessons, k/N passed": "课程列表，显示已通过的 k/N 步",
        "start or resume lesson N": "开始或继续第 N 课",
        "resume where you left off": "从上次停下的地方继续",
        "go to step S of lesson N": "跳到第 N 课第 S 步",
        "start this lesson over": "本课从头再来",
        "leave it; your own names come back": "离开课程；你自己的名字会回来",
        "clear lesson progress (a backup is kept)": "清空课程进度（会保留备份）",
        "move between steps; after the last, %next goes on to the next lesson":
            "在步骤之间前后移动；最后一步之后，%next 进入下一课",
        "this step's goal": "本步骤的目标",
        "check now; says which part is false": "立即检查；指出哪一部分为假",
        "a hint for this step": "本步骤的提示",
        "pre-type the step's solution (edit it, then Enter)": "预先输入本步骤的答案（可先修改，再按回车）",
        "run the step's solution, echoed as typed": "运行本步骤的答案，像亲手输入一样回显",
        "the lessons' language (default: from the locale)": "课程语言（默认取自系统的区域设置）",
    ]

    /// The translation table for `language`; nil for English.
    static func table(_ language: String) -> [String: String]? {
        language == "zh-Hans" ? zhHans : nil
    }

    /// `entries` with the summaries `language` has a translation for replaced.
    static func localised(_ entries: [Magic.HelpEntry], language: String) -> [Magic.HelpEntry] {
        guard let table = table(language) else { return entries }
        return entries.map { entry in
            var entry = entry
            if let translated = table[entry.summary] { entry.summary = translated }
            return entry
        }
    }
}

extension MagicRegistry {
    /// The `%help` text in `language`: the lesson magics' lines translated (``MagicHelpTranslations``).
    static func helpText(width: Int?, language: String) -> String {
        guard language != "en", MagicHelpTranslations.table(language) != nil else { return helpText(width: width) }
        let entries = MagicHelpTranslations.localised(all.flatMap(\.helpEntries), language: language)
        let sideBySide = width.map { $0 >= sideBySideWidth } ?? true
        return ([Magic.helpBanner] + MagicHelpTable.lines(entries, sideBySide: sideBySide)
            + [Magic.helpFooter]).joined(separator: "\n")
    }
}
