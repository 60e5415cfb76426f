/// The (scheme, host, port) triple a connection serves.
///
/// httpcore matches requests to connections by origin only (`httpcore/_async/connection.py:167-168`); there are
/// no per-origin sub-pools. `description` is httpcore's `str(Origin)`: always with the port.
public struct Origin: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int

    public init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `http://127.0.0.1:8000`, as httpcore prints it inside reprs (with quotes added there).
    public var description: String { "\(scheme)://\(host):\(port)" }
}
