@testable import Playground

extension Session.Options {
    /// A file run's options with the pool panels off, so stdout is only what the program prints.
    static var withoutPanels: Session.Options {
        var options = Session.Options()
        options.showPanels = false
        return options
    }
}
