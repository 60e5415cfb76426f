import Lessons
import PoolScript

extension Session {
    /// Lesson numbers and ids of the lessons inside the binary, for TAB before the lessons are first loaded.
    private static let bundledLessonKeys: [String] = LessonCatalog.load().lessons.flatMap { [String($0.number), $0.id] }

    /// Rebuilds TAB completion from the session as it is now: its names, the importable modules, the lessons.
    func refreshCompletions() {
        var modules: [String: any PyObject] = [:]
        for name in PlaygroundHost.moduleNames {
            if case .object(let module)? = host.moduleForCompletion(name) { modules[name] = module }
        }
        var facts = CompletionFacts()
        if lessons.lessons.isEmpty {
            facts.lessonKeySource = { Self.bundledLessonKeys }
        } else {
            facts.lessonKeys = lessons.lessons.flatMap { [String($0.number), $0.id] }
        }
        completions.rebuild(globals: interpreter.globals, modules: modules, facts: facts)
    }
}
