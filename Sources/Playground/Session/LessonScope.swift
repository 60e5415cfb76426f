import MockServer
import PoolScript
import PythonModels

/// What a lesson sets aside while it runs, to give back when it is left.
///
/// Each lesson runs in its own namespace, so names from the sandbox (or another lesson) never make a check pass
/// before the learner has typed the step's code.
struct LessonScope {
    /// The lesson's id.
    var lessonID: String
    /// The sandbox's names, restored on leave (emptied by `%reset` during the lesson).
    var savedGlobals: [String: Value]
    /// `OPENAI_BASE_URL` as it was (nil: unset); the lesson points it at the built-in mock.
    var savedBaseURL: String?
    /// The mock's configuration before the lesson's `server:` knobs; nil when the lesson changed none.
    var savedServerConfiguration: MockServerConfiguration?
    /// The pools that existed before the lesson; every other pool is the lesson's and is closed on leave.
    var poolsBefore: Set<ObjectIdentifier>
    /// What the step's statements did to the pools and the mock (`step.pool`, `last.pool`, `step.server`).
    var tracker = LessonTracker()
}

/// The playground's own names, kept in every namespace.
let playgroundBuiltinNames: Set<String> = ["help", "exit", "quit"]
