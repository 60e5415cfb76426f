/// One guided lesson, loaded from a Markdown file in `Lessons/`.
///
/// A lesson is a list of ``Step``s the learner works through in the playground. Each step explains
/// an idea, offers Python to try, and (usually) states a goal as a ``Step/check`` expression that the
/// host evaluates against the learner's live session.
///
/// Lessons are plain data: ``LessonLoader`` builds them from files, ``LessonRunner`` walks them. The
/// file format is documented in `Lessons/README.md`.
public struct Lesson: Sendable, Equatable {
    /// A stable identifier from the front matter (`id:`), used by the progress store and `%lessons NAME`.
    public var id: String
    /// Position in the lesson list: `order:` from the front matter, else the file name's `NN-` prefix.
    public var number: Int
    /// The title from the front matter (`title:`).
    public var title: String
    /// One or two sentences from the front matter (`summary:`), shown in `%lessons`.
    public var summary: String
    /// The steps, in file order; never empty for a loaded lesson.
    public var steps: [Step]
    /// The path the lesson was loaded from, as given to the loader (used in messages).
    public var sourcePath: String
    /// Mock-server knobs from the `server:` front matter, applied while the lesson runs, in file order.
    public var server: [ServerKnob]
    /// The language of the text: `en`, or the tag of a translation file (`zh-Hans`).
    public var language: String = "en"

    /// Creates a lesson from its parts.
    ///
    /// - Parameters:
    ///   - id: The stable identifier.
    ///   - number: The position in the lesson list.
    ///   - title: The title.
    ///   - summary: A one- or two-sentence summary.
    ///   - steps: The steps, in order.
    ///   - sourcePath: Where the lesson came from; `"<memory>"` for lessons built in code.
    ///   - server: Mock knobs to apply while the lesson runs.
    public init(
        id: String, number: Int, title: String, summary: String, steps: [Step], sourcePath: String = "<memory>",
        server: [ServerKnob] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.summary = summary
        self.steps = steps
        self.sourcePath = sourcePath
        self.server = server
    }

    /// The 0-based indices of the steps that have a check (reading steps have none).
    public var checkedStepIndices: [Int] { steps.indices.filter { steps[$0].check != nil } }
}
