/// `logging`: loggers by name under a root logger, `basicConfig(level=, format=, datefmt=, force=)`, levels,
/// `%`-style formats (`%(levelname)s:%(name)s:%(message)s` by default), `exception()` with the traceback, and
/// the last-resort handler (a bare message for WARNING and above when nothing is configured), as CPython 3.11's
/// `Lib/logging/__init__.py`. Records go to the host's error stream (stderr in `poolplay run`).
extension Interpreter {
    func loggingModule() -> StdlibModuleSpec {
        StdlibModuleSpec(
            natives: [
                "_write_stderr": builtin("_write_stderr") { i, a, _ in
                    i.host.writeError(a.positional.first?.str() ?? "")
                    return .none
                },
                // A method (binds like a function): `logger.exception(msg)` reads the exception being handled where
                // it is called, which a Python-level method frame would not see.
                "_exception_method": .object(
                    InterpBuiltin("exception", typeName: "function") { i, a, f in
                        var arguments = a
                        guard !arguments.positional.isEmpty else { throw PythonError.typeError("exception() missing self") }
                        let logger = arguments.positional.removeFirst()
                        arguments.keywords.append((name: "_exc_text", value: .str(handledTraceback(f))))
                        return try await i.call(try i.getAttribute(logger, "error"), arguments, f)
                    }),
                "_wall_clock": native("_wall_clock") { _ in .float(defaultWallClockSeconds()) },
            ],
            source: loggingSource,
            finish: { module in
                // `logging.exception(msg)`: the root logger's `exception`, reading the caller's handled exception.
                module.attributes["exception"] = .object(
                    InterpBuiltin("exception") { i, a, f in
                        var arguments = a
                        arguments.keywords.append((name: "_exc_text", value: .str(handledTraceback(f))))
                        return try await i.call(module.attributes["error"] ?? .none, arguments, f)
                    })
            })
    }
}

/// The traceback of the exception `f` is handling, as `logging` appends it; CPython's text when there is none.
private func handledTraceback(_ f: Frame) -> String {
    guard let error = f.handling else { return "NoneType: None" }
    let text = error.formatted()
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
}

private let loggingSource = #"""
CRITICAL = 50
FATAL = 50
ERROR = 40
WARNING = 30
WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
_nameToLevel = {'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING, 'WARNING': WARNING, 'INFO': INFO, 'DEBUG': DEBUG, 'NOTSET': NOTSET}

BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s'

def getLevelName(level):
    if level in _levelToName:
        return _levelToName[level]
    if level in _nameToLevel:
        return _nameToLevel[level]
    return 'Level ' + str(level)

def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError('Unknown level: ' + repr(level))
        return _nameToLevel[level]
    raise TypeError('Level not an integer or a valid string: ' + repr(level))

def _civil(seconds):
    days = int(seconds // 86400)
    rest = seconds - days * 86400
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    if m <= 2:
        y += 1
    h = int(rest // 3600)
    mi = int(rest % 3600 // 60)
    s = int(rest % 60)
    return '%04d-%02d-%02d %02d:%02d:%02d' % (y, m, d, h, mi, s)

class Formatter:
    def __init__(self, fmt=None, datefmt=None, style='%'):
        self._fmt = fmt if fmt is not None else '%(message)s'
        self.datefmt = datefmt
    def format(self, record):
        values = dict(record)
        if '%(asctime)' in self._fmt:
            values['asctime'] = _civil(record['created']) + ',' + '%03d' % record['msecs']
        text = self._fmt % values
        if record.get('exc_text'):
            text = text + '\n' + record['exc_text']
        return text

class Handler:
    def __init__(self, level=NOTSET):
        self.level = _checkLevel(level)
        self.formatter = None
    def setLevel(self, level):
        self.level = _checkLevel(level)
    def setFormatter(self, fmt):
        self.formatter = fmt
    def format(self, record):
        return (self.formatter or Formatter()).format(record)
    def handle(self, record):
        if record['levelno'] >= self.level:
            self.emit(record)

class StreamHandler(Handler):
    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = stream
    def emit(self, record):
        text = self.format(record) + '\n'
        if self.stream is None:
            _write_stderr(text)
        else:
            self.stream.write(text)

_lastResort = StreamHandler()
_lastResort.level = WARNING

class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
    def __repr__(self):
        return '<' + type(self).__name__ + ' ' + self.name + ' (' + getLevelName(self.getEffectiveLevel()) + ')>'
    def setLevel(self, level):
        self.level = _checkLevel(level)
    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET
    def isEnabledFor(self, level):
        return level >= self.getEffectiveLevel()
    def addHandler(self, hdlr):
        if hdlr not in self.handlers:
            self.handlers.append(hdlr)
    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)
    def hasHandlers(self):
        logger = self
        while logger:
            if logger.handlers:
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False
    def getChild(self, suffix):
        return getLogger(self.name + '.' + suffix if self is not root else suffix)
    def _log(self, level, msg, args, exc_text=None):
        if self.disabled or not self.isEnabledFor(level):
            return
        message = str(msg)
        if args:
            if len(args) == 1 and isinstance(args[0], dict) and args[0]:
                args = args[0]
            message = message % args
        created = _wall_clock()
        record = {'name': self.name, 'msg': msg, 'args': args, 'levelname': getLevelName(level), 'levelno': level,
                  'message': message, 'created': created, 'msecs': int((created - int(created)) * 1000),
                  'relativeCreated': 0, 'filename': 'script.py', 'module': 'script', 'funcName': '<module>',
                  'lineno': 0, 'process': 0, 'thread': 0, 'threadName': 'MainThread', 'processName': 'MainProcess',
                  'pathname': 'script.py', 'exc_text': exc_text, 'exc_info': None, 'stack_info': None, 'taskName': None}
        found = 0
        logger = self
        while logger:
            for handler in logger.handlers:
                found += 1
                handler.handle(record)
            if not logger.propagate:
                break
            logger = logger.parent
        if found == 0 and level >= _lastResort.level:
            _lastResort.handle(record)
    def debug(self, msg, *args, **kwargs):
        self._log(DEBUG, msg, args, kwargs.get('_exc_text'))
    def info(self, msg, *args, **kwargs):
        self._log(INFO, msg, args, kwargs.get('_exc_text'))
    def warning(self, msg, *args, **kwargs):
        self._log(WARNING, msg, args, kwargs.get('_exc_text'))
    def warn(self, msg, *args, **kwargs):
        self._log(WARNING, msg, args, kwargs.get('_exc_text'))
    def error(self, msg, *args, **kwargs):
        self._log(ERROR, msg, args, kwargs.get('_exc_text'))
    def critical(self, msg, *args, **kwargs):
        self._log(CRITICAL, msg, args, kwargs.get('_exc_text'))
    def fatal(self, msg, *args, **kwargs):
        self._log(CRITICAL, msg, args, kwargs.get('_exc_text'))
    def log(self, level, msg, *args, **kwargs):
        self._log(level, msg, args, kwargs.get('_exc_text'))
    exception = _exception_method

class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, 'root', level)

root = RootLogger(WARNING)
_loggers = {}

def getLogger(name=None):
    if not name or name == 'root':
        return root
    if name in _loggers:
        return _loggers[name]
    logger = Logger(name)
    parent = root
    parts = name.split('.')
    for i in range(len(parts) - 1, 0, -1):
        candidate = '.'.join(parts[:i])
        if candidate in _loggers:
            parent = _loggers[candidate]
            break
    logger.parent = parent
    for other in _loggers.values():
        if other.name.startswith(name + '.') and other.parent is parent:
            other.parent = logger
    _loggers[name] = logger
    return logger

def basicConfig(**kwargs):
    force = kwargs.pop('force', False)
    if force:
        for h in list(root.handlers):
            root.removeHandler(h)
    if root.handlers:
        return
    handler = StreamHandler(kwargs.pop('stream', None))
    kwargs.pop('filename', None)
    kwargs.pop('filemode', None)
    kwargs.pop('style', None)
    handler.setFormatter(Formatter(kwargs.pop('format', BASIC_FORMAT), kwargs.pop('datefmt', None)))
    root.addHandler(handler)
    level = kwargs.pop('level', None)
    kwargs.pop('handlers', None)
    kwargs.pop('encoding', None)
    kwargs.pop('errors', None)
    if level is not None:
        root.setLevel(level)
    if kwargs:
        raise ValueError('Unrecognised argument(s): ' + ', '.join(kwargs))

def _root_call(name, msg, args, kwargs):
    if not root.handlers:
        basicConfig()
    getattr(root, name)(msg, *args, **kwargs)

def debug(msg, *args, **kwargs):
    _root_call('debug', msg, args, kwargs)
def info(msg, *args, **kwargs):
    _root_call('info', msg, args, kwargs)
def warning(msg, *args, **kwargs):
    _root_call('warning', msg, args, kwargs)
def warn(msg, *args, **kwargs):
    _root_call('warning', msg, args, kwargs)
def error(msg, *args, **kwargs):
    _root_call('error', msg, args, kwargs)
def critical(msg, *args, **kwargs):
    _root_call('critical', msg, args, kwargs)
def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)
def disable(level=CRITICAL):
    pass
"""#
