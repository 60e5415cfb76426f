/// `%help` (and `%` alone): the table of every magic, generated from ``MagicRegistry``.
extension Magic {
    static let help = Magic(
        names: ["help", ""],
        helpEntries: [],
        completions: ["%help"],
        run: { session, _ in session.say(MagicRegistry.helpText(width: session.currentWidth, language: session.lessonLanguage) + "\n") })

    /// The line above the table.
    static let helpBanner = "PoolPlay — type Python as you would ship it; the pool panel shows what the pool did."
    /// The line below the table.
    static let helpFooter = "Modules: httpx (httpcore 1.0.9 pools), httpx2 and openai (httpcore2 pools), asyncio, os, time."
}

extension Session {
    /// What `%help` and `help()` print.
    static var magicHelp: String { MagicRegistry.helpText }
}
