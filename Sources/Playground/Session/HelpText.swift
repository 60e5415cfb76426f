import PoolScript

/// `help(obj)` and `obj?`: what an object is, in PoolPlay's own words, and which lesson covers it. This is the one
/// place where PoolPlay's output is deliberately not CPython's.
enum HelpText {
    static func describe(_ value: Value?) -> String {
        guard let value else { return Session.magicHelp }
        guard case .object(let object) = value else {
            return "\(value.repr()) — a Python \(value.typeName)."
        }
        switch object {
        case let limits as LimitsObject:
            return """
                \(limits.pyRepr())
                  max_connections             most connections the pool keeps open at once (None: no cap)
                  max_keepalive_connections   most idle connections kept for reuse (clamped to max_connections)
                  keepalive_expiry            seconds an idle connection may wait before it is dropped
                Pass it to the HTTP client: \(limits.stack.module).AsyncClient(limits=...). Lesson 1 covers it.
                """
        case let timeout as TimeoutObject:
            return """
                \(timeout.pyRepr())
                  connect  seconds to open a TCP connection      read   seconds to wait for response bytes
                  write    seconds to send the request           pool   seconds to wait for a free connection
                Waiting longer than `pool` raises \(timeout.stack.module).PoolTimeout.
                """
        case let client as HTTPClientObject:
            let limits = client.transport.pool
            return """
                \(client.classModule).\(client.className) — an HTTP client whose pool runs \(client.stack.poolLibrary)'s rules.
                  its pool: \(client.pyTypeName)._transport._pool = \(limits.pyRepr())
                  limits in force: _max_connections=\(limits.maxConnections.repr()), _max_keepalive_connections=\(limits.maxKeepaliveConnections.repr())
                Hand it to openai with AsyncOpenAI(http_client=...). Lesson 1 covers it.
                """
        case let client as OpenAIClientObject:
            return """
                openai.\(client.className) — talks to \(client.baseURL) through client._client (\(client.httpClient.className)).
                  limits come from the HTTP client, not from \(client.className)(...): pass http_client=.
                  timeout=\(client.timeout.pyRepr()), max_retries=\(client.maxRetries)
                """
        case let pool as PoolObject:
            return """
                \(pool.pyRepr())
                  the connection pool (\(pool.stack.poolLibrary)): requests are active from assignment until their
                  body is closed; connections are active unless idle. %pool shows every connection.
                """
        default:
            return "\(object.pyRepr()) — a \(object.pyTypeName) object. Attributes: "
                + object.attributeNames.filter { !$0.hasPrefix("__") }.joined(separator: ", ")
        }
    }
}
