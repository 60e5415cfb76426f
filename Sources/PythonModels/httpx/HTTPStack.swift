import PoolCore
import PoolScript

/// One of the two Python HTTP stacks PoolPlay models: `httpx` 0.28.1 on httpcore 1.0.9, or `httpx2` 2.16.2 on
/// httpcore2. The pool follows the client's class: same reprs and names, different assignment decisions.
package final class HTTPStack: Sendable {
    /// The Python module name: `httpx` or `httpx2`.
    package let module: String
    /// The pool algorithm its clients run.
    let algorithm: PoolAlgorithm
    /// Its exception classes (`httpx.PoolTimeout`, …).
    let exceptions: HTTPExceptions

    /// What the learner reads in panels: "httpcore 1.0.9" or "httpcore2 2.16.2".
    package var poolLibrary: String {
        switch algorithm {
        case .httpcore1: "httpcore 1.0.9"
        case .httpcore2: "httpcore2 2.16.2"
        }
    }

    init(module: String, algorithm: PoolAlgorithm) {
        self.module = module
        self.algorithm = algorithm
        self.exceptions = HTTPExceptions(module: module)
    }

    package static let httpx = HTTPStack(module: "httpx", algorithm: .httpcore1)
    package static let httpx2 = HTTPStack(module: "httpx2", algorithm: .httpcore2)

    /// Maps a pool or transport error to the httpx exception of the same name.
    func pythonError(for error: PoolError) -> PythonError {
        switch error.httpxName {
        case "RuntimeError": return PythonError(.runtimeError, error.message)
        case "CancelledError": return PythonError(exceptions.cancelledError, error.message)
        default: return PythonError(exceptions.byName[error.httpxName] ?? exceptions.transportError, error.message)
        }
    }
}

/// httpx's exception hierarchy (`httpx/_exceptions.py`), built once per module so `except httpx.PoolTimeout`
/// and `except httpx2.PoolTimeout` are different classes, as in Python.
final class HTTPExceptions: Sendable {
    let httpError, requestError, transportError, timeoutException, connectTimeout, readTimeout, writeTimeout,
        poolTimeout, networkError, connectError, readError, writeError, closeError, protocolError,
        localProtocolError, remoteProtocolError, unsupportedProtocol, proxyError, decodingError, tooManyRedirects,
        httpStatusError, invalidURL, streamError, streamConsumed, streamClosed, responseNotRead, requestNotRead,
        cancelledError: ExceptionClass
    let byName: [String: ExceptionClass]

    init(module: String) {
        func make(_ name: String, _ base: ExceptionClass) -> ExceptionClass {
            ExceptionClass(name: name, module: module, base: base)
        }
        httpError = make("HTTPError", .exception)
        requestError = make("RequestError", httpError)
        transportError = make("TransportError", requestError)
        timeoutException = make("TimeoutException", transportError)
        connectTimeout = make("ConnectTimeout", timeoutException)
        readTimeout = make("ReadTimeout", timeoutException)
        writeTimeout = make("WriteTimeout", timeoutException)
        poolTimeout = make("PoolTimeout", timeoutException)
        networkError = make("NetworkError", transportError)
        connectError = make("ConnectError", networkError)
        readError = make("ReadError", networkError)
        writeError = make("WriteError", networkError)
        closeError = make("CloseError", networkError)
        protocolError = make("ProtocolError", transportError)
        localProtocolError = make("LocalProtocolError", protocolError)
        remoteProtocolError = make("RemoteProtocolError", protocolError)
        unsupportedProtocol = make("UnsupportedProtocol", transportError)
        proxyError = make("ProxyError", transportError)
        decodingError = make("DecodingError", requestError)
        tooManyRedirects = make("TooManyRedirects", requestError)
        httpStatusError = make("HTTPStatusError", httpError)
        invalidURL = make("InvalidURL", .exception)
        streamError = make("StreamError", .runtimeError)
        streamConsumed = make("StreamConsumed", streamError)
        streamClosed = make("StreamClosed", streamError)
        responseNotRead = make("ResponseNotRead", streamError)
        requestNotRead = make("RequestNotRead", streamError)
        cancelledError = .cancelledError  // asyncio's own class, so `except asyncio.CancelledError` catches it
        let all = [
            httpError, requestError, transportError, timeoutException, connectTimeout, readTimeout, writeTimeout,
            poolTimeout, networkError, connectError, readError, writeError, closeError, protocolError,
            localProtocolError, remoteProtocolError, unsupportedProtocol, proxyError, decodingError, tooManyRedirects,
            httpStatusError, invalidURL, streamError, streamConsumed, streamClosed, responseNotRead, requestNotRead,
        ]
        byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }
}
