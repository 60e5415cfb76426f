import PoolScript

extension Session {
    /// Rebuilds TAB completion from the session as it is now: its names, the importable modules, the lessons.
    func refreshCompletions() {
        var modules: [String: any PyObject] = [:]
        for name in PlaygroundHost.moduleNames {
            if case .object(let module)? = try? host.importModule(name) { modules[name] = module }
        }
        var facts = CompletionFacts()
        for lesson in lessons.lessons { facts.lessonKeys += [String(lesson.number), lesson.id] }
        completions.rebuild(globals: interpreter.globals, modules: modules, facts: facts)
    }
}
