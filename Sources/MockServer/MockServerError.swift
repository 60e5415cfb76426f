/// An error thrown by ``MockServer``.
public struct MockServerError: Error, Hashable, CustomStringConvertible {
    private enum Code: Hashable {
        case ledgerWaitTimedOut
    }

    private let code: Code

    /// ``MockServer/waitForLedger(timeout:until:)`` gave up before the ledger satisfied its predicate.
    public static let ledgerWaitTimedOut = MockServerError(code: .ledgerWaitTimedOut)

    /// A stable description without payloads.
    public var shortDescription: String {
        switch code {
        case .ledgerWaitTimedOut: "ledger wait timed out"
        }
    }

    public var description: String { "MockServerError.\(shortDescription)" }
}
