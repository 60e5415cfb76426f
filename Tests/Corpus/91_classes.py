# Classes as client code writes them: __init__, __repr__/__str__, __eq__, class attributes, properties
# with setters, staticmethod/classmethod, inheritance with super(), isinstance and type names.
class Message:
    count = 0
    def __init__(self, role, content):
        self.role = role
        self.content = content
        Message.count += 1
    def __repr__(self):
        return f"Message(role={self.role!r}, content={self.content!r})"
    def __eq__(self, other):
        if not isinstance(other, Message):
            return NotImplemented
        return (self.role, self.content) == (other.role, other.content)
    def to_dict(self):
        return {"role": self.role, "content": self.content}
m = Message("user", "hi")
print(m, [m], m.to_dict(), Message.count, m == Message("user", "hi"), m != m, m == "hi")
class Conversation:
    def __init__(self, system=None):
        self.messages = []
        if system:
            self.add("system", system)
    def add(self, role, content):
        self.messages.append(Message(role, content))
        return self
    def __str__(self):
        return "\n".join(f"{m.role}: {m.content}" for m in self.messages) if False else "\n".join([f"{m.role}: {m.content}" for m in self.messages])
    @property
    def last(self):
        return self.messages[-1] if self.messages else None
c = Conversation("be brief").add("user", "hello").add("assistant", "hi!")
print(c)
print(c.last, len(c.messages), type(c).__name__, isinstance(c, Conversation))
class Settings:
    def __init__(self, timeout=10.0):
        self._timeout = timeout
    @property
    def timeout(self):
        return self._timeout
    @timeout.setter
    def timeout(self, value):
        if value <= 0:
            raise ValueError("timeout must be positive")
        self._timeout = float(value)
    @staticmethod
    def default_model():
        return "gpt-4o-mini"
    @classmethod
    def fast(cls):
        return cls(timeout=1)
s = Settings.fast()
s.timeout = 3
print(s.timeout, Settings.default_model(), s.default_model(), Settings().timeout)
try:
    s.timeout = 0
except ValueError as e:
    print("ValueError:", e)
class BaseClient:
    def __init__(self, base_url, max_retries=2):
        self.base_url = base_url
        self.max_retries = max_retries
    def describe(self):
        return f"{type(self).__name__}({self.base_url}, retries={self.max_retries})"
class ChatClient(BaseClient):
    def __init__(self, base_url, model):
        super().__init__(base_url, max_retries=5)
        self.model = model
    def describe(self):
        return super().describe() + f" model={self.model}"
chat = ChatClient("http://localhost", "gpt-4o")
print(chat.describe(), isinstance(chat, BaseClient), issubclass(ChatClient, BaseClient), chat.__class__.__name__)
print(BaseClient("u").describe(), [k.__name__ for k in ChatClient.__mro__][:2])
print(type(chat), ChatClient)
print(Settings(), [Settings.fast()][0].timeout)
try:
    Message("user")
except TypeError as e:
    print("TypeError:", e)
chat.missing_attribute
