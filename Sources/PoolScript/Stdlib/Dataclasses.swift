/// `dataclasses`: `@dataclass` (init, repr, eq, order, frozen), `field(default=, default_factory=, init=,
/// repr=, compare=)`, `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`, `FrozenInstanceError`, as
/// CPython 3.11's `Lib/dataclasses.py` behaves for them. Fields come from the class body's annotations
/// (`x: int = 0`), which the interpreter records in `__annotations__`, base dataclasses' fields first.
extension Interpreter {
    func dataclassesModule() -> StdlibModuleSpec {
        StdlibModuleSpec(
            natives: [
                "_own_annotations": native("_own_annotations") { a in
                    guard case .object(let cls as ClassObject)? = a.positional.first else { return .list(PyList([])) }
                    guard case .dict(let d)? = cls.namespace["__annotations__"] else { return .list(PyList([])) }
                    return .list(PyList(d.pairs.map(\.key)))
                },
                "_class_has": native("_class_has") { a in
                    guard a.positional.count == 2, case .object(let cls as ClassObject) = a.positional[0],
                        case .str(let name) = a.positional[1]
                    else { return .bool(false) }
                    return .bool(cls.namespace[name] != nil)
                },
            ],
            source: dataclassesSource)
    }

    /// `name: type` in a class body: the name joins the body's `__annotations__` (the type itself is not kept).
    func recordAnnotation(_ name: String, _ f: Frame) throws {
        let annotations: PyDict
        if case .dict(let existing)? = f.scope.vars["__annotations__"] {
            annotations = existing
        } else {
            annotations = PyDict()
            f.scope.vars["__annotations__"] = .dict(annotations)
        }
        if try annotations.get(.str(name)) == nil { try annotations.set(.str(name), .none) }
    }
}

private let dataclassesSource = #"""
class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'
MISSING = _MISSING_TYPE()

class FrozenInstanceError(AttributeError):
    pass

class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata
        self.kw_only = kw_only
    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type) + ',default=' + repr(self.default)
            + ',default_factory=' + repr(self.default_factory) + ',init=' + repr(self.init) + ',repr=' + repr(self.repr)
            + ',hash=' + repr(self.hash) + ',compare=' + repr(self.compare) + ',metadata=' + repr(self.metadata)
            + ',kw_only=' + repr(self.kw_only) + ',_field_type=_FIELD)')

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

def _plural(n, word):
    return str(n) + ' ' + word + ('' if n == 1 else 's')

def _names(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]

def _process_class(cls, init, repr, eq, order, frozen):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    for name in _own_annotations(cls):
        default = getattr(cls, name, MISSING) if _class_has(cls, name) else MISSING
        if isinstance(default, Field):
            f = default
            if f.default is MISSING:
                pass
            else:
                setattr(cls, name, f.default)
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError('mutable default ' + str(type(default)) + ' for field ' + name + ' is not allowed: use default_factory')
            f = field(default=default)
        f.name = name
        fields[name] = f
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr, eq, order, frozen)
    all_fields = list(fields.values())
    init_fields = [f for f in all_fields if f.init]
    seen_default = None
    for f in init_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = f.name
        elif seen_default is not None:
            raise TypeError("non-default argument '" + f.name + "' follows default argument")
    qualname = cls.__qualname__
    if init and not _class_has(cls, '__init__'):
        def __init__(self, *args, **kwargs):
            if len(args) > len(init_fields):
                required = len([f for f in init_fields if f.default is MISSING and f.default_factory is MISSING])
                if required == len(init_fields):
                    takes = _plural(len(init_fields) + 1, 'positional argument')
                else:
                    takes = 'from ' + str(required + 1) + ' to ' + str(len(init_fields) + 1) + ' positional arguments'
                raise TypeError(qualname + '.__init__() takes ' + takes + ' but ' + str(len(args) + 1) + (' was given' if len(args) == 0 else ' were given'))
            values = {}
            for f, value in zip(init_fields, args):
                values[f.name] = value
            for name in kwargs:
                if name in values:
                    raise TypeError(qualname + ".__init__() got multiple values for argument '" + name + "'")
                if name not in [f.name for f in init_fields]:
                    raise TypeError(qualname + ".__init__() got an unexpected keyword argument '" + name + "'")
                values[name] = kwargs[name]
            missing = [f.name for f in init_fields if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                raise TypeError(qualname + '.__init__() missing ' + _plural(len(missing), 'required positional argument') + ': ' + _names(missing))
            for f in all_fields:
                if f.name in values:
                    value = values[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                elif f.default is not MISSING:
                    value = f.default
                else:
                    continue
                object.__setattr__(self, f.name, value)
            if hasattr(self, '__post_init__'):
                self.__post_init__()
        cls.__init__ = __init__
    if repr and not _class_has(cls, '__repr__'):
        def __repr__(self):
            return qualname + '(' + ', '.join(f.name + '=' + builtins_repr(getattr(self, f.name)) for f in all_fields if f.repr) + ')'
        cls.__repr__ = __repr__
    compare_fields = [f.name for f in all_fields if f.compare]
    def astuple_of(obj):
        return tuple(getattr(obj, n) for n in compare_fields)
    if eq and not _class_has(cls, '__eq__'):
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                # Field by field, so fields that are dataclasses compare with their own __eq__.
                return all(getattr(self, n) == getattr(other, n) for n in compare_fields)
            return False
        cls.__eq__ = __eq__
    if order:
        def _check(self, other, op):
            if other.__class__ is not self.__class__:
                raise TypeError("'" + op + "' not supported between instances of '" + type(self).__name__ + "' and '" + type(other).__name__ + "'")
        def __lt__(self, other):
            _check(self, other, '<')
            return astuple_of(self) < astuple_of(other)
        def __le__(self, other):
            _check(self, other, '<=')
            return astuple_of(self) <= astuple_of(other)
        def __gt__(self, other):
            _check(self, other, '>')
            return astuple_of(self) > astuple_of(other)
        def __ge__(self, other):
            _check(self, other, '>=')
            return astuple_of(self) >= astuple_of(other)
        cls.__lt__ = __lt__
        cls.__le__ = __le__
        cls.__gt__ = __gt__
        cls.__ge__ = __ge__
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '" + name + "'")
        cls.__setattr__ = __setattr__
        def __hash__(self):
            return hash(astuple_of(self))
        cls.__hash__ = __hash__
    return cls

builtins_repr = repr

def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)

def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')

def fields(class_or_instance):
    if not hasattr(class_or_instance, '__dataclass_fields__'):
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(class_or_instance.__dataclass_fields__.values())

def _asdict_inner(obj, dict_factory):
    if hasattr(obj, '__dataclass_fields__') and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_asdict_inner(v, dict_factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return {_asdict_inner(k, dict_factory): _asdict_inner(v, dict_factory) for k, v in obj.items()}
    return obj

def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)

def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple_factory([_asdict_inner(getattr(obj, f.name), dict) for f in fields(obj)])

def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
"""#
