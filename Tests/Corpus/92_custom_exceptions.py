# Custom exception hierarchies, as retry wrappers define them: attributes, super().__init__, __str__,
# catching by base class, re-raising, and an uncaught custom error.
class ClientError(Exception):
    pass
class RetryableError(ClientError):
    def __init__(self, message, retry_after=None):
        super().__init__(message)
        self.retry_after = retry_after
class RateLimited(RetryableError):
    pass
class Fatal(ClientError):
    def __init__(self, status):
        self.status = status
        super().__init__(f"fatal status {status}")
    def __str__(self):
        return f"Fatal({self.status})"
def call(status):
    if status == 429:
        raise RateLimited("slow down", retry_after=1.5)
    if status >= 500:
        raise RetryableError(f"server error {status}")
    if status >= 400:
        raise Fatal(status)
    return "ok"
for status in (200, 429, 503, 404):
    try:
        print(status, call(status))
    except RetryableError as e:
        print(status, "retry:", type(e).__name__, e, e.retry_after, e.args)
    except ClientError as e:
        print(status, "fatal:", e, repr(e) if False else type(e).__name__, e.status, isinstance(e, Exception))
print(issubclass(RateLimited, ClientError), issubclass(Fatal, RetryableError), RateLimited.__name__)
try:
    try:
        call(429)
    except RateLimited:
        raise
except ClientError as e:
    print("re-raised", type(e).__name__)
try:
    raise ClientError
except ClientError as e:
    print(repr(e), e.args)
class ValidationError(ValueError):
    pass
try:
    raise ValidationError("bad input")
except ValueError as e:
    print("caught as ValueError:", e)
raise Fatal(401)
