/// `contextlib`: suppress, nullcontext, closing, aclosing, ExitStack / AsyncExitStack (callbacks and entered
/// context managers unwound last-in first-out). `contextmanager` / `asynccontextmanager` need generators,
/// which PoolScript does not have: using them raises a NotImplementedError that says so.
extension Interpreter {
    func contextlibModule() -> StdlibModuleSpec {
        StdlibModuleSpec(source: contextlibSource)
    }
}

private let contextlibSource = #"""
class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions
    def __enter__(self):
        return None
    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)
    async def __aenter__(self):
        return None
    async def __aexit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)

class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result
    def __enter__(self):
        return self.enter_result
    def __exit__(self, *excinfo):
        return None
    async def __aenter__(self):
        return self.enter_result
    async def __aexit__(self, *excinfo):
        return None

class closing:
    def __init__(self, thing):
        self.thing = thing
    def __enter__(self):
        return self.thing
    def __exit__(self, *exc_info):
        self.thing.close()

class aclosing:
    def __init__(self, thing):
        self.thing = thing
    async def __aenter__(self):
        return self.thing
    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

def contextmanager(func):
    raise NotImplementedError('contextlib.contextmanager needs generators (yield), which PoolScript does not support; write a class with __enter__ and __exit__')

def asynccontextmanager(func):
    raise NotImplementedError('contextlib.asynccontextmanager needs generators (yield), which PoolScript does not support; write a class with __aenter__ and __aexit__')

class ExitStack:
    def __init__(self):
        self._exits = []
    def __enter__(self):
        return self
    def enter_context(self, cm):
        result = cm.__enter__()
        self._exits.append((False, cm.__exit__))
        return result
    def callback(self, callback, *args, **kwds):
        self._exits.append((True, lambda *exc: callback(*args, **kwds)))
        return callback
    def push(self, exit):
        self._exits.append((False, exit))
        return exit
    def close(self):
        self.__exit__(None, None, None)
    def __exit__(self, exc_type, exc, tb):
        suppressed = False
        while self._exits:
            is_callback, fn = self._exits.pop()
            if fn(exc_type, exc, tb) and not is_callback:
                suppressed = True
                exc_type, exc, tb = None, None, None
        return suppressed

class AsyncExitStack:
    def __init__(self):
        self._exits = []
    async def __aenter__(self):
        return self
    async def enter_async_context(self, cm):
        result = await cm.__aenter__()
        self._exits.append(('async', cm.__aexit__))
        return result
    def enter_context(self, cm):
        result = cm.__enter__()
        self._exits.append(('sync', cm.__exit__))
        return result
    def callback(self, callback, *args, **kwds):
        self._exits.append(('callback', lambda *exc: callback(*args, **kwds)))
        return callback
    def push_async_callback(self, callback, *args, **kwds):
        self._exits.append(('async_callback', lambda *exc: callback(*args, **kwds)))
        return callback
    async def aclose(self):
        await self.__aexit__(None, None, None)
    async def __aexit__(self, exc_type, exc, tb):
        suppressed = False
        while self._exits:
            kind, fn = self._exits.pop()
            if kind == 'async':
                result = await fn(exc_type, exc, tb)
            elif kind == 'async_callback':
                result = await fn()
                result = False
            else:
                result = fn(exc_type, exc, tb)
                if kind == 'callback':
                    result = False
            if result:
                suppressed = True
                exc_type, exc, tb = None, None, None
        return suppressed
"""#
