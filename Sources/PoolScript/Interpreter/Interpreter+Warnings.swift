extension Interpreter {
    /// `RuntimeWarning: coroutine 'name' was never awaited`, as CPython's warnings module prints it: the location of
    /// the statement running when the coroutine was freed, its source line, then the tracemalloc hint.
    ///
    ///     /tmp/x.py:4: RuntimeWarning: coroutine 'sleep' was never awaited
    ///       asyncio.sleep(1)
    ///     RuntimeWarning: Enable tracemalloc to get the object allocation traceback
    ///
    /// At the prompt (`<stdin>`) CPython prints no source line.
    func warnNeverAwaited(_ name: String) {
        var text = ""
        if let frame = runningFrame {
            text += "\(frame.file.name):\(frame.line): RuntimeWarning: coroutine '\(name)' was never awaited\n"
            if frame.file.name != "<stdin>", let line = frame.file.line(frame.line) {
                text += "  \(line.drop { $0 == " " || $0 == "\t" })\n"
            }
        } else {
            text += "sys:1: RuntimeWarning: coroutine '\(name)' was never awaited\n"
        }
        text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        host.writeError(text)
    }
}
