/// `collections`: Counter, defaultdict, OrderedDict, deque and namedtuple, written in Python over a plain dict
/// or list (CPython 3.11's `Lib/collections/__init__.py` semantics; reprs as 3.11 prints them).
///
/// They are classes of their own over `self._d`, not dict subclasses; `_dict_subclass = True` makes
/// `isinstance(c, dict)`, `json.dumps(c)` and `dict(c)` treat Counter, defaultdict and OrderedDict as the dicts
/// CPython's are (``Interpreter/dictBacking(_:)``).
extension Interpreter {
    func collectionsModule() -> StdlibModuleSpec {
        StdlibModuleSpec(natives: ["_new_class": newClassFunction()], source: collectionsSource)
    }

    func collectionsABCModule() -> StdlibModuleSpec {
        var natives: [String: Value] = [:]
        for name in ["Awaitable", "Callable", "Iterable", "Iterator", "Mapping", "MutableMapping", "Sequence",
                     "AsyncIterator", "AsyncIterable", "Coroutine", "Generator", "Hashable", "Sized", "Set"] {
            natives[name] = .object(TypingForm("collections.abc." + name, shortName: name))
        }
        return StdlibModuleSpec(natives: natives)
    }

    /// `_new_class(name, namespace)`: `type(name, (), namespace)`, for namedtuple.
    func newClassFunction() -> Value {
        native("_new_class") { a in
            guard a.positional.count == 2, case .str(let name) = a.positional[0], case .dict(let ns) = a.positional[1] else {
                throw PythonError.typeError("_new_class(name, namespace)")
            }
            let cls = try ClassObject(name: name, qualname: name, bases: [])
            for (k, v) in ns.pairs { if case .str(let key) = k { cls.define(key, v) } }
            return .object(cls)
        }
    }
}

private let collectionsSource = #"""
class Counter:
    _dict_subclass = True
    def __init__(self, iterable=None, **kwds):
        self._d = {}
        self.update(iterable, **kwds)
    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict) or isinstance(iterable, Counter):
                for k in iterable.keys():
                    self._d[k] = self._d.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k in kwds:
            self._d[k] = self._d.get(k, 0) + kwds[k]
    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict) or isinstance(iterable, Counter):
                for k in iterable.keys():
                    self._d[k] = self._d.get(k, 0) - iterable[k]
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) - 1
        for k in kwds:
            self._d[k] = self._d.get(k, 0) - kwds[k]
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]
    def total(self):
        return sum(self._d.values())
    def elements(self):
        out = []
        for k, v in self._d.items():
            for _ in range(v):
                out.append(k)
        return iter(out)
    def __getitem__(self, key):
        return self._d.get(key, 0)
    def __setitem__(self, key, value):
        self._d[key] = value
    def __contains__(self, key):
        return key in self._d
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(list(self._d))
    def __eq__(self, other):
        if isinstance(other, Counter):
            other = other._d
        if not isinstance(other, dict):
            return False
        return all(self[k] == other.get(k, 0) for k in list(self._d) + list(other))
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, key, default=None):
        return self._d.get(key, default)
    def pop(self, key, *default):
        return self._d.pop(key, *default)
    def clear(self):
        self._d.clear()
    def copy(self):
        return Counter(self._d)
    def __add__(self, other):
        result = Counter()
        for k in list(self._d) + [k for k in other._d if k not in self._d]:
            v = self[k] + other[k]
            if v > 0:
                result._d[k] = v
        return result
    def __sub__(self, other):
        result = Counter()
        for k in self._d:
            v = self[k] - other[k]
            if v > 0:
                result._d[k] = v
        for k in other._d:
            if k not in self._d and 0 - other[k] > 0:
                result._d[k] = 0 - other[k]
        return result
    def __or__(self, other):
        result = Counter()
        for k in list(self._d) + [k for k in other._d if k not in self._d]:
            v = max(self[k], other[k])
            if v > 0:
                result._d[k] = v
        return result
    def __and__(self, other):
        result = Counter()
        for k in self._d:
            v = min(self[k], other[k])
            if v > 0:
                result._d[k] = v
        return result
    def __repr__(self):
        if not self._d:
            return 'Counter()'
        return 'Counter(' + repr(dict(self.most_common())) + ')'

class _DictBacked:
    # What defaultdict and OrderedDict share: a plain dict kept in self._d.
    _dict_subclass = True
    def __setitem__(self, key, value):
        self._d[key] = value
    def __contains__(self, key):
        return key in self._d
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(list(self._d))
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, key, default=None):
        return self._d.get(key, default)
    def pop(self, key, *default):
        return self._d.pop(key, *default)
    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)
    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)
    def clear(self):
        self._d.clear()

class defaultdict(_DictBacked):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)
    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value
    def __eq__(self, other):
        if isinstance(other, defaultdict):
            other = other._d
        return self._d == other
    def __repr__(self):
        return 'defaultdict(' + repr(self.default_factory) + ', ' + repr(self._d) + ')'

class OrderedDict(_DictBacked):
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)
    def __getitem__(self, key):
        return self._d[key]
    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return self._d == other
    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            self._d = {key: value, **self._d}
    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = list(self._d)[-1] if last else list(self._d)[0]
        return (key, self._d.pop(key))
    def __repr__(self):
        if not self._d:
            return 'OrderedDict()'
        return 'OrderedDict(' + repr(list(self._d.items())) + ')'

class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self.maxlen = maxlen
        self._items = []
        self.extend(iterable)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()
    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)
    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)
    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)
    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[len(self._items) - n:] + self._items[:len(self._items) - n]
    def clear(self):
        self._items = []
    def count(self, x):
        return self._items.count(x)
    def remove(self, x):
        self._items.remove(x)
    def index(self, x):
        return self._items.index(x)
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(list(self._items))
    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not ' + repr(type(i).__name__))
        if i >= len(self._items) or i < -len(self._items):
            raise IndexError('deque index out of range')
        return self._items[i]
    def __setitem__(self, i, value):
        self._items[i] = value
    def __contains__(self, x):
        return x in self._items
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return 'deque(' + repr(self._items) + ')'
        return 'deque(' + repr(self._items) + ', maxlen=' + str(self.maxlen) + ')'

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            if field_defaults:
                takes = 'from ' + str(len(fields) - len(field_defaults) + 1) + ' to ' + str(len(fields) + 1)
            else:
                takes = str(len(fields) + 1)
            raise TypeError(typename + '.__new__() takes ' + takes + ' positional arguments but ' + str(len(args) + 1) + ' were given')
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):] if n not in kwargs and n not in field_defaults]
                if len(missing) == 1:
                    raise TypeError(typename + ".__new__() missing 1 required positional argument: '" + missing[0] + "'")
                names = ', '.join("'" + n + "'" for n in missing[:-1]) + " and '" + missing[-1] + "'"
                raise TypeError(typename + '.__new__() missing ' + str(len(missing)) + ' required positional arguments: ' + names)
        for name in kwargs:
            raise TypeError(typename + ".__new__() got an unexpected keyword argument '" + name + "'")
        self._values = tuple(values)
        for name, value in zip(fields, values):
            setattr(self, name, value)
    def __repr__(self):
        return typename + '(' + ', '.join(n + '=' + repr(v) for n, v in zip(fields, self._values)) + ')'
    def __getitem__(self, i):
        return self._values[i]
    def __iter__(self):
        return iter(self._values)
    def __len__(self):
        return len(self._values)
    def __eq__(self, other):
        if hasattr(other, '_values'):
            other = other._values
        return self._values == other
    def __hash__(self):
        return hash(self._values)
    def __lt__(self, other):
        return self._values < tuple(other)
    def _asdict(self):
        return dict(zip(fields, self._values))
    def _replace(self, **kwargs):
        return cls(*[kwargs.pop(n) if n in kwargs else v for n, v in zip(fields, self._values)])
    def index(self, value):
        return self._values.index(value)
    def count(self, value):
        return self._values.count(value)
    cls = _new_class(typename, {'__init__': __init__, '__repr__': __repr__, '__getitem__': __getitem__,
        '__iter__': __iter__, '__len__': __len__, '__eq__': __eq__, '__hash__': __hash__, '__lt__': __lt__,
        '_asdict': _asdict, '_replace': _replace, 'index': index, 'count': count, '_fields': fields,
        '_field_defaults': field_defaults})
    return cls
"""#
