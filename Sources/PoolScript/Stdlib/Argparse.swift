/// `argparse`, the core of CPython 3.11's `Lib/argparse.py`: `ArgumentParser(prog, usage, description, epilog,
/// add_help)`, `add_argument` (positionals, `-s` / `--long` options, `action` store / store_const / store_true /
/// store_false / append / append_const / extend / count / help / version, `nargs` N, `?`, `*`, `+`, `type`,
/// `default`, `const`, `choices`, `required`, `help`, `metavar`, `dest`), `parse_args`, `parse_known_args`,
/// `Namespace`, `error` (usage and "PROG: error: …" on stderr, exit status 2), `-h` help, and unique prefixes of
/// long options.
///
/// Positionals are matched after all the options are read (CPython interleaves them), which gives the same result
/// unless a `*` / `?` positional sits between options; help text is not re-wrapped to the terminal width.
extension Interpreter {
    func argparseModule() -> StdlibModuleSpec {
        StdlibModuleSpec(source: argparseSource)
    }
}

private let argparseSource = #"""
from sys import argv as _argv, exit as _exit, stdout as _stdout, stderr as _stderr

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'

class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _action_name(argument)
        self.message = message
    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)

class ArgumentTypeError(Exception):
    pass

class Namespace:
    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])
    def __repr__(self):
        parts = []
        for name, value in vars(self).items():
            parts.append('%s=%r' % (name, value))
        return 'Namespace(%s)' % ', '.join(parts)
    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)
    def __contains__(self, key):
        return key in vars(self)

class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, kind='store', version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind
        self.version = version
    def __repr__(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices', 'required', 'help',
                 'metavar']
        kind = {'store': '_StoreAction', 'store_const': '_StoreConstAction', 'store_true': '_StoreTrueAction',
                'store_false': '_StoreFalseAction', 'append': '_AppendAction', 'append_const': '_AppendConstAction',
                'count': '_CountAction', 'help': '_HelpAction', 'version': '_VersionAction',
                'extend': '_ExtendAction'}[self.kind]
        return '%s(%s)' % (kind, ', '.join('%s=%r' % (n, getattr(self, n)) for n in names))

def _action_name(action):
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None

def _metavar(action, default):
    if action.metavar is not None:
        return action.metavar
    if action.choices is not None:
        return '{%s}' % ','.join(str(c) for c in action.choices)
    return default

def _format_args(action, default):
    m = _metavar(action, default)
    n = action.nargs
    if n is None:
        return m
    if n == OPTIONAL:
        return '[%s]' % m
    if n == ZERO_OR_MORE:
        return '[%s ...]' % m
    if n == ONE_OR_MORE:
        return '%s [%s ...]' % (m, m)
    if n == REMAINDER:
        return '...'
    return ' '.join([m] * n)

class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=None, prefix_chars='-', fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = _argv[0].split('/')[-1] if _argv and _argv[0] else 'python'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.argument_default = argument_default
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.kind != 'help':
                    self._actions.append(action)

    def add_argument(self, *args, **kwargs):
        if not args or (len(args) == 1 and not args[0].startswith('-')):
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            option_strings = []
            dest = args[0] if args else kwargs.pop('dest')
            if kwargs.get('nargs') in (OPTIONAL, ZERO_OR_MORE) or kwargs.get('nargs') == 0:
                required = False
            else:
                required = True
            if 'required' in kwargs:
                raise TypeError("'required' is an invalid argument for positionals")
            kwargs['required'] = required
        else:
            option_strings = list(args)
            for s in option_strings:
                if not s.startswith('-'):
                    raise ValueError('invalid option string %r: must start with a character %r' % (s, '-'))
            dest = kwargs.pop('dest', None)
            if dest is None:
                longs = [s for s in option_strings if s.startswith('--')]
                dest = (longs[0] if longs else option_strings[0]).lstrip('-').replace('-', '_')
        kind = kwargs.pop('action', 'store')
        if kind not in ('store', 'store_const', 'store_true', 'store_false', 'append', 'append_const', 'count',
                        'help', 'version', 'extend'):
            raise ValueError('unknown action "%s"' % (kind,))
        if kind == 'store_true':
            kwargs.setdefault('default', False)
            kwargs['const'] = True
            kwargs['nargs'] = 0
        elif kind == 'store_false':
            kwargs.setdefault('default', True)
            kwargs['const'] = False
            kwargs['nargs'] = 0
        elif kind in ('store_const', 'append_const', 'count', 'help', 'version'):
            kwargs['nargs'] = 0
        if kind == 'version':
            kwargs.setdefault('default', SUPPRESS)
            kwargs.setdefault('help', "show program's version number and exit")
        if 'default' not in kwargs:
            kwargs['default'] = self._defaults.get(dest, self.argument_default)
        if kind in ('store', 'append', 'extend') and kwargs.get('nargs') == 0:
            raise ValueError('nargs for store actions must be != 0; if you have nothing to store, actions such as '
                             'store true or store const may be more appropriate')
        if 'type' in kwargs and kwargs['type'] is not None and not callable(kwargs['type']):
            raise ValueError('%r is not callable' % (kwargs['type'],))
        action = Action(option_strings, dest, kind=kind, **kwargs)
        for other in self._actions:
            for s in option_strings:
                if s in other.option_strings:
                    raise ArgumentError(action, 'conflicting option string: %s' % s)
        self._actions.append(action)
        return action

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # Parsing

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error('unrecognized arguments: %s' % ' '.join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest != SUPPRESS and not hasattr(namespace, action.dest) and action.default != SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        try:
            extras = self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return namespace, extras

    def _option(self, arg):
        for action in self._actions:
            if arg in action.option_strings:
                return action, None
        if '=' in arg:
            name, value = arg.split('=', 1)
            for action in self._actions:
                if name in action.option_strings:
                    return action, value
        if arg.startswith('--') and self.allow_abbrev:
            name = arg.split('=', 1)[0]
            found = [(a, s) for a in self._actions for s in a.option_strings if s.startswith(name)]
            if len(found) > 1:
                options = ', '.join(s for a, s in found)
                self.error('ambiguous option: %s could match %s' % (name, options))
            if found:
                return found[0][0], (arg.split('=', 1)[1] if '=' in arg else None)
        elif not arg.startswith('--') and len(arg) > 2:
            for action in self._actions:
                if arg[:2] in action.option_strings:
                    return action, arg[2:]
        return None, None

    def _looks_like_option(self, arg):
        if not arg or arg[0] != '-' or arg == '-':
            return False
        if arg[1:].replace('.', '', 1).isdigit():
            return any(s[1:].replace('.', '', 1).isdigit() for a in self._actions for s in a.option_strings)
        return True

    def _parse(self, args, namespace):
        extras = []
        positionals = []
        seen = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == '--':
                positionals.extend(args[i + 1:])
                break
            if not self._looks_like_option(arg):
                positionals.append(arg)
                i += 1
                continue
            action, explicit = self._option(arg)
            if action is None:
                extras.append(arg)
                i += 1
                continue
            i += 1
            if explicit is not None:
                if action.nargs == 0:
                    if action.kind == 'count' or not arg.startswith('--'):
                        # -vv: a run of single-letter flags.
                        self._take(action, [], namespace)
                        seen.append(action)
                        args.insert(i, '-' + explicit)
                        continue
                    raise ArgumentError(action, 'ignored explicit argument %r' % explicit)
                values = [explicit]
            else:
                values = []
                want = action.nargs
                while i < len(args) and not self._looks_like_option(args[i]) and args[i] != '--':
                    if want is None or want == OPTIONAL:
                        if len(values) == 1:
                            break
                    elif isinstance(want, int) and len(values) == want:
                        break
                    values.append(args[i])
                    i += 1
            self._check_count(action, values)
            self._take(action, values, namespace)
            seen.append(action)
        positional_actions = [a for a in self._actions if not a.option_strings]
        for index, action in enumerate(positional_actions):
            rest = positional_actions[index + 1:]
            need = sum(_minimum(a.nargs) for a in rest)
            n = action.nargs
            available = len(positionals) - need
            if n is None:
                count = 1 if available >= 1 else 0
            elif n == OPTIONAL:
                count = 1 if available >= 1 else 0
            elif n in (ZERO_OR_MORE, REMAINDER):
                count = max(0, available)
            elif n == ONE_OR_MORE:
                count = max(0, available)
            else:
                count = n if available >= n else 0
            values = positionals[:count]
            if count < _minimum(n):
                continue
            positionals = positionals[count:]
            self._take(action, values, namespace)
            seen.append(action)
        extras.extend(positionals)
        required = [_action_name(a) for a in self._actions if a.required and a not in seen]
        if required:
            self.error('the following arguments are required: %s' % ', '.join(required))
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and action.type is not None \
                    and getattr(namespace, action.dest, None) is action.default:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return extras

    def _check_count(self, action, values):
        n = action.nargs
        if n is None and len(values) != 1:
            raise ArgumentError(action, 'expected one argument')
        if n == ONE_OR_MORE and not values:
            raise ArgumentError(action, 'expected at least one argument')
        if isinstance(n, int) and n > 0 and len(values) != n:
            raise ArgumentError(action, 'expected %s argument%s' % (n, '' if n == 1 else 's'))

    def _convert(self, action, text):
        if action.type is None:
            return text
        try:
            return action.type(text)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r' % (name, text))

    def _value(self, action, values):
        if action.nargs == OPTIONAL and not values:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._convert(action, value)
            self._check_choice(action, value)
            return value
        converted = [self._convert(action, v) for v in values]
        for v in converted:
            self._check_choice(action, v)
        if action.nargs is None or action.nargs == OPTIONAL:
            return converted[0]
        if action.nargs in (ZERO_OR_MORE, ) and not values and not action.option_strings:
            return action.default if action.default is not None else []
        return converted

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)' % (value, choices))

    def _take(self, action, values, namespace):
        kind = action.kind
        if kind == 'help':
            self.print_help()
            self.exit()
        if kind == 'version':
            print(action.version)
            self.exit()
        if kind in ('store_const', 'store_true', 'store_false'):
            setattr(namespace, action.dest, action.const)
        elif kind == 'count':
            current = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (0 if current is None else current) + 1)
        elif kind == 'append_const':
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.const)
            setattr(namespace, action.dest, items)
        elif kind in ('append', 'extend'):
            items = list(getattr(namespace, action.dest, None) or [])
            value = self._value(action, values)
            if kind == 'append':
                items.append(value)
            else:
                items.extend(value)
            setattr(namespace, action.dest, items)
        else:
            setattr(namespace, action.dest, self._value(action, values))

    # Output

    def _invocation(self, action):
        if not action.option_strings:
            return _metavar(action, action.dest)
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        args = _format_args(action, action.dest.upper())
        return ', '.join('%s %s' % (s, args) for s in action.option_strings)

    def format_usage(self):
        return 'usage: %s\n' % self._usage_text()

    def _usage_text(self):
        # HelpFormatter._format_usage, for a terminal 80 columns wide (text width 78).
        if self.usage is not None:
            return self.usage.replace('%(prog)s', self.prog)
        prog = self.prog
        opt_parts = []
        for action in self._actions:
            if action.option_strings and action.help != SUPPRESS:
                s = action.option_strings[0]
                if action.nargs != 0:
                    s += ' ' + _format_args(action, action.dest.upper())
                opt_parts.append(s if action.required else '[%s]' % s)
        pos_parts = [_format_args(a, a.dest) for a in self._actions if not a.option_strings and a.help != SUPPRESS]
        usage = ' '.join([prog] + opt_parts + pos_parts)
        prefix = 'usage: '
        if len(prefix) + len(usage) <= _WIDTH:
            return usage
        def get_lines(parts, indent, prefix=None):
            lines = []
            line = []
            line_len = len(prefix) - 1 if prefix is not None else len(indent) - 1
            for part in parts:
                if line_len + 1 + len(part) > _WIDTH and line:
                    lines.append(indent + ' '.join(line))
                    line = []
                    line_len = len(indent) - 1
                line.append(part)
                line_len += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines
        if len(prefix) + len(prog) <= 0.75 * _WIDTH:
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = get_lines([prog] + opt_parts, indent, prefix)
                lines.extend(get_lines(pos_parts, indent))
            elif pos_parts:
                lines = get_lines([prog] + pos_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            indent = ' ' * len(prefix)
            parts = opt_parts + pos_parts
            lines = get_lines(parts, indent)
            if len(lines) > 1:
                lines = []
                lines.extend(get_lines(opt_parts, indent))
                lines.extend(get_lines(pos_parts, indent))
            lines = [prog] + lines
        return '\n'.join(lines)

    def format_help(self):
        text = self.format_usage()
        if self.description:
            text += '\n' + '\n'.join(_wrap(self.description, _WIDTH)) + '\n'
        groups = [('positional arguments', [a for a in self._actions if not a.option_strings]),
                  ('options', [a for a in self._actions if a.option_strings])]
        rows = [(self._invocation(a), a) for _, actions in groups for a in actions if a.help != SUPPRESS]
        width = min(max([len(r[0]) + 2 for r in rows] + [0]) + 2, 24)
        for title, actions in groups:
            actions = [a for a in actions if a.help != SUPPRESS]
            if not actions:
                continue
            text += '\n%s:\n' % title
            for action in actions:
                invocation = '  ' + self._invocation(action)
                help_text = action.help
                if help_text is not None and '%(default)' in help_text:
                    help_text = help_text.replace('%(default)s', str(action.default))
                if help_text is None:
                    text += invocation + '\n'
                    continue
                lines = _wrap(help_text, max(_WIDTH - width, 11))
                if len(invocation) + 2 <= width:
                    text += invocation.ljust(width) + lines[0] + '\n'
                    lines = lines[1:]
                else:
                    text += invocation + '\n'
                for line in lines:
                    text += ' ' * width + line + '\n'
        if self.epilog:
            text += '\n' + '\n'.join(_wrap(self.epilog, _WIDTH)) + '\n'
        return text

    def print_usage(self, file=None):
        print(self.format_usage(), end='', file=_stdout if file is None else file)

    def print_help(self, file=None):
        print(self.format_help(), end='', file=_stdout if file is None else file)

    def exit(self, status=0, message=None):
        if message:
            print(message, end='', file=_stderr)
        _exit(status)

    def error(self, message):
        self.print_usage(_stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

_WIDTH = 78

def _wrap(text, width):
    # textwrap.wrap after collapsing whitespace, as HelpFormatter._split_lines / _fill_text.
    lines = []
    line = ''
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + ' ' + word
    if line:
        lines.append(line)
    return lines or ['']

def _minimum(nargs):
    if nargs is None or nargs == ONE_OR_MORE:
        return 1
    if isinstance(nargs, int):
        return nargs
    return 0
"""#
