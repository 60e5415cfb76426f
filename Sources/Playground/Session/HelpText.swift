import Lessons
import PoolScript
import PythonModels

/// `help(obj)` and `obj?`: what an object is and what its parameters mean, in PoolPlay's own words, and which
/// lesson covers it. This is the one place where PoolPlay's output is deliberately not CPython's.
///
/// The texts live in ``HelpTopic/all`` (one table for every object a learner meets). The lesson is never
/// hard-coded: a lesson covers a topic when the code it has the learner type (try-code, check, solution) contains
/// one of the topic's ``HelpTopic/lessonMarkers``; its number and title are read from the loaded lessons.
enum HelpText {
    /// The help for `value`; `lessons`: the lessons the session loaded, nil when it has not loaded them.
    static func describe(_ value: Value?, lessons: [Lesson]? = nil) -> String {
        guard let value else { return Session.magicHelp }
        guard case .object(let object) = value else {
            return "\(value.repr()) — a Python \(value.typeName).\n" + lessonLine(nil, lessons: lessons)
        }
        guard let topic = HelpTopic.find(for: object) else {
            return "\(object.pyRepr()) — a \(object.pyTypeName) object. Attributes: "
                + object.attributeNames.filter { !$0.hasPrefix("__") }.joined(separator: ", ") + "\n"
                + lessonLine(nil, lessons: lessons)
        }
        return render(topic, object: object, lessons: lessons)
    }

    static func render(_ topic: HelpTopic, object: any PyObject, lessons: [Lesson]?) -> String {
        var lines = ["\(heading(object)) — \(topic.summary)"]
        let width = (topic.parameters.map(\.name.count).max() ?? 0) + 2
        for (name, meaning) in topic.parameters {
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + meaning)
        }
        if let state = HelpTopic.state(of: object) { lines.append(state) }
        if let note = topic.note { lines.append(note) }
        lines.append(lessonLine(topic, lessons: lessons))
        return lines.joined(separator: "\n")
    }

    /// The first line names the object as the learner sees it: a class by its dotted name, an instance by its repr.
    static func heading(_ object: any PyObject) -> String {
        switch object {
        case let type as PythonClass: "class \(type.module).\(type.name)"
        case let exception as ExceptionClass: "class \(exception.module).\(exception.name)"
        case let module as ModuleObject: "module \(module.name)"
        case let function as NativeFunction: "\(function.name)()"
        default:
            if object.pyTypeName == "builtin_function_or_method", case .str(let name)? = try? object.getAttribute("__name__") {
                "\(name)()"
            } else if object.pyRepr().count > 120 {
                "\(object.pyTypeName)(…)"  // a pydantic object's repr fills the screen; print(obj) shows it
            } else {
                object.pyRepr()
            }
        }
    }

    /// "Lesson N — Title covers it (%lesson N)." when a loaded lesson's code uses the topic.
    static func lessonLine(_ topic: HelpTopic?, lessons: [Lesson]?) -> String {
        guard let lessons else { return "Lessons: %lessons lists them; %help lists everything else." }
        if let topic, let lesson = covering(topic, in: lessons) {
            return "Lesson \(lesson.number) — \(lesson.title) covers it (%lesson \(lesson.number))."
        }
        return "no lesson yet — see %help"
    }

    /// The first lesson (in lesson order) whose typed code mentions one of the topic's markers.
    static func covering(_ topic: HelpTopic, in lessons: [Lesson]) -> Lesson? {
        guard !topic.lessonMarkers.isEmpty else { return nil }
        return lessons.sorted { $0.number < $1.number }.first { lesson in
            let code = lesson.steps.flatMap { $0.tryCode + [$0.solution ?? "", $0.check ?? ""] }.joined(separator: "\n")
            return topic.lessonMarkers.contains { code.contains($0) }
        }
    }
}

extension Session {
    /// `help(obj)` / `obj?` with the session's lessons loaded, so the text names the lesson that covers `value`.
    ///
    /// The `help` builtin and `obj?` (`runMagic`) both come here.
    func helpText(for value: Value?) -> String {
        loadLessons()
        return HelpText.describe(value, lessons: lessons.loadError == nil ? lessons.lessons : nil)
    }
}
