/// One step of a ``Lesson``: an explanation, code to try, a goal, hints and a solution.
///
/// Steps come from `## Step title` sections of a lesson file. A step either has both a ``check``
/// and a ``solution`` (a goal the learner reaches by typing Python), or neither (a reading step the
/// learner leaves with `%next`). The loader enforces that pairing so the test suite can replay every
/// solution and see every check pass.
public struct Step: Sendable, Equatable {
    /// A piece of the step as the author wrote it: prose, or Python to try.
    public enum Block: Sendable, Equatable {
        /// Explanation text (Markdown-ish; non-Python fenced blocks kept verbatim, fences included).
        case prose(String)
        /// The contents of one ```` ```python ```` block, without the fences.
        case code(String)
    }

    /// The heading text after `## `.
    public var title: String
    /// The explanation: Markdown-ish paragraphs separated by one blank line, with any non-Python
    /// fenced blocks (sample output, say) kept verbatim, fences included.
    public var text: String
    /// The contents of each fenced ```` ```python ```` block in the step (other than the solution), without
    /// the fences. The learner is invited to type these; the host never runs them on its own.
    public var tryCode: [String]
    /// A Python expression the host evaluates after every statement the learner runs; truthy means
    /// the step is passed. An expression that raises (an undefined name, say) counts as "not passed".
    public var check: String?
    /// Hints, revealed one at a time by `%hint`.
    public var hints: [String]
    /// Python code that reaches the goal; `%solution` pre-types it for the learner to edit. Never run
    /// by the host on its own.
    public var solution: String?
    /// The 1-based line of the step's `##` heading in its file.
    public var line: Int
    /// The step's one-line goal (`goal:`), repeated by `%goal`.
    public var goal: String?
    /// Prose and code in the author's order (``text`` and ``tryCode`` hold the same, separated).
    public var blocks: [Block]
    /// Plausible mistaken solutions (`wrong:` blocks): each must run without raising and leave ``check`` false.
    public var wrongs: [String]
    /// Expressions (`expect:` lines) for the numbers the prose quotes; each must be true after ``solution``.
    public var expects: [String]
    /// Where the step's directives are in its file, for `poolplay lessons lint`.
    public var lines: Lines

    /// The 1-based lines of a step's directives (0 when the step was built in code).
    public struct Lines: Sendable, Equatable {
        /// The `check:` line.
        public var check = 0
        /// The `solution:` line.
        public var solution = 0
        /// One per `wrong:` block, in order.
        public var wrongs: [Int] = []
        /// One per `expect:` line, in order.
        public var expects: [Int] = []

        public init(check: Int = 0, solution: Int = 0, wrongs: [Int] = [], expects: [Int] = []) {
            self.check = check
            self.solution = solution
            self.wrongs = wrongs
            self.expects = expects
        }
    }

    /// Creates a step from its parts.
    ///
    /// - Parameters:
    ///   - title: The heading text.
    ///   - text: The explanation.
    ///   - tryCode: Python blocks to try.
    ///   - check: The goal expression, if any.
    ///   - hints: Hints in the order they are revealed.
    ///   - solution: Python code that makes `check` pass.
    ///   - line: The heading's line in the source file.
    ///   - goal: The one-line goal.
    ///   - blocks: Prose and code in order; `nil` builds them from `text` followed by `tryCode`.
    ///   - wrongs: Mistaken solutions that must leave `check` false.
    ///   - expects: Expressions that must be true after `solution`.
    ///   - lines: Where the directives are in the file.
    public init(
        title: String,
        text: String = "",
        tryCode: [String] = [],
        check: String? = nil,
        hints: [String] = [],
        solution: String? = nil,
        line: Int = 0,
        goal: String? = nil,
        blocks: [Block]? = nil,
        wrongs: [String] = [],
        expects: [String] = [],
        lines: Lines = Lines()
    ) {
        self.title = title
        self.text = text
        self.tryCode = tryCode
        self.check = check
        self.hints = hints
        self.solution = solution
        self.line = line
        self.goal = goal
        self.blocks = blocks ?? ((text.isEmpty ? [] : [.prose(text)]) + tryCode.map(Block.code))
        self.wrongs = wrongs
        self.expects = expects
        self.lines = lines
    }
}
