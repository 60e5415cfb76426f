/// One `%magic` command of the playground: its names, its lines in the `%help` table, what TAB offers for it, and
/// what it does.
///
/// Each magic (or family of magics) lives in a file of its own under `Session/Magics/`, declared as a static value
/// in an extension of `Magic` (`Magic.timeline`, `Magic.lessonFamily`), and is listed once in
/// ``MagicRegistry/all``, which dispatches it, lays out `%help`, and feeds TAB completion.
struct Magic: Sendable {
    /// What a magic receives when it runs.
    struct Invocation: Sendable {
        /// The words after the name, split at spaces: `["all"]` for `%timeline all`.
        var arguments: [String]
        /// Everything after `%name`, exactly as typed (leading space included), for magics that parse the rest of
        /// the line themselves (`%burst 20 client.get(url)`).
        var text: String
    }

    /// One line of the `%help` table: a usage on the left, what it does beside it.
    struct HelpEntry: Sendable, Equatable {
        /// Where an entry goes in the table.
        enum Placement: Sendable, Equatable {
            /// A line of its own.
            case ownLine
            /// The right-hand column of the line above (a short entry sharing the line of the one before it).
            case besidePrevious
        }

        /// The left column: `%lesson N`, `%timeline [all]`.
        var usage: String
        /// What the magic does, in a few words.
        var summary: String
        /// A line of its own, or beside the entry before it (``MagicRegistry/all`` order).
        var placement: Placement

        init(_ usage: String, _ summary: String, placement: Placement = .ownLine) {
            self.usage = usage
            self.summary = summary
            self.placement = placement
        }
    }

    /// The names it answers to after `%`, aliases included (`["quit", "exit"]`). Empty: reached some other way
    /// (`obj?`), listed only for its help line.
    var names: [String]
    /// Its entries in the `%help` table, in order; empty when a sibling's entry covers it (`%next / %back`).
    var helpEntries: [HelpEntry]
    /// What TAB offers after its name: lesson numbers, knob names, file names.
    var arguments: MagicArguments = .none
    /// Runs it in a session.
    var run: @Sendable (Session, Invocation) async -> Void
}
