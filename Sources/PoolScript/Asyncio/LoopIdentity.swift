extension TaskContext {
    /// Which `asyncio.run` the code runs under: 1 for the first call, 2 for the second, …; nil outside one (the
    /// playground's top level, sync code). Each `asyncio.run` makes a new event loop and closes it on return, so a
    /// host object bound to one loop (an asyncio connection) cannot be used under another
    /// (openai-python#874: `RuntimeError: Event loop is closed`).
    public var asyncioRunID: Int? { interpreter.asyncioState.runningLoop }
}
