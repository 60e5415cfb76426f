/// `%help` (and `%` alone): the table of every magic, generated from ``MagicRegistry``.
extension Magic {
    static let help = Magic(
        names: ["help", ""],
        helpEntries: [.init("%help panel", "what the words of the pool panel mean")],
        arguments: .words(["panel"]),
        run: { session, invocation in
            switch invocation.arguments {
            case ["panel"]: session.say(panelHelp)
            case []:
                session.say(
                    MagicRegistry.helpText(width: session.currentWidth, language: session.lessonLanguage) + "\n")
            default: session.output.writeError("UsageError: %help [panel]\n")
            }
        })

    /// `%help panel`: the words of the pool panel.
    static let panelHelp = """
        The pool panel, after each statement that touched a pool:
         pool  client._client · httpcore 1.0.9 · max_connections=5, max_keepalive_connections=2
               Requests: 0 active, 0 queued | Connections: 0 active, 2 idle
               +20 requests · opened 20 · reused 0 · closed 18 (keep-alive limit 18) · peak 5 active, 15 queued
          first line     whose pool it is, whose rules it runs (httpx: httpcore 1.0.9; httpx2 and openai ≥ 3: \
        httpcore2 2.16.2), and its limits
          Requests       now: active ones hold a connection until their response is read; queued ones wait in the \
        pool for one (the pool's own repr, as client._client._transport._pool prints it)
          Connections    now: active ones carry a request or are connecting; idle ones wait for reuse. Under \
        httpx a cancelled request can leave an active one that never frees its slot: CONNECTING or NEW with no \
        request, or ACTIVE under a request that never left the pool (%pool marks them, %why says why)
          +N requests    requests that finished during the statement, whatever the outcome
          opened         new TCP connections (each one a connect)
          reused         requests that went out on a connection that had served a request before
          closed         connections the pool let go, by reason: keep-alive limit (max_keepalive_connections), \
        expired (keepalive_expiry), server closed, not reusable (Connection: close or an unread body), evicted \
        (room for another origin), pool closed (aclose()), error
          PoolTimeout    requests that waited Timeout.pool seconds without getting a connection
          failed         requests that ended with any other error (connect errors, read errors, cancellation)
          peak           the most requests in flight and the most waiting in the queue during the statement
        %why explains each decision; %timeline draws each connection's life; %pool shows every connection.

        """

    /// The line above the table.
    static let helpBanner = "PoolPlay — type Python as you would ship it; the pool panel shows what the pool did."
    /// The line below the table.
    static let helpFooter = "Modules: httpx (httpcore 1.0.9 pools), httpx2 and openai (httpcore2 pools), asyncio, os, time."
}

extension Session {
    /// What `%help` and `help()` print.
    static var magicHelp: String { MagicRegistry.helpText }
}
