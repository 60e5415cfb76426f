/// `%autopool off|on`: stop or resume the pool panel after each statement (`%pool` still shows it on demand).
extension Magic {
    static let autopool = Magic(
        names: ["autopool"],
        helpEntries: [.init("%autopool off|on", "the panel after each statement (on by default)")],
        arguments: .words(["off", "on"]),
        run: { session, invocation in
            switch invocation.arguments {
            case ["off"]:
                session.options.showPanels = false
                session.say("Pool panels off: %pool shows them on demand, %autopool on brings them back.\n")
            case ["on"]:
                session.options.showPanels = true
                session.say("Pool panels on.\n")
            case []:
                session.say("Pool panels are \(session.options.showPanels ? "on" : "off") (%autopool off|on).\n")
            default:
                session.output.writeError("UsageError: %autopool off|on\n")
            }
        })
}
