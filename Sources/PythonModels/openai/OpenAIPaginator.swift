import PoolScript

/// What `AsyncOpenAI().models.list()` returns: openai's `AsyncPaginator` (`_base_client.py`), not a coroutine.
///
/// Awaiting it sends the request and gives the first page (`AsyncPage[Model]`); each `await` sends again, as
/// `__await__` calls `_get_page()` each time. `async for` iterates the items of every page. Dropping one unawaited
/// warns about nothing — no coroutine was made — as in the real SDK.
final class AsyncPaginatorObject: PyAwaitable, PyAsyncIterable, PyModuleQualified {
    /// Makes the request's coroutine, once per await.
    private let page: () throws -> Value

    init(page: @escaping () throws -> Value) {
        self.page = page
    }

    var pyTypeName: String { "AsyncPaginator" }
    var pyModuleName: String { "openai._base_client" }
    func pyRepr() -> String { "<openai._base_client.AsyncPaginator object at \(fakeAddressOf(self))>" }

    nonisolated(nonsending) func awaitValue(_ context: TaskContext) async throws -> Value {
        guard case .object(let awaitable as any PyAwaitable) = try page() else { return .none }
        return try await awaitable.awaitValue(context)
    }

    func makeAsyncIterator() throws -> any PyAsyncIterator { PaginatorItems(paginator: self) }
}

/// `async for item in paginator`: the page's items (the models list has one page).
private final class PaginatorItems: PyAsyncIterator {
    let paginator: AsyncPaginatorObject
    private var items: [Value]?

    init(paginator: AsyncPaginatorObject) {
        self.paginator = paginator
    }

    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        if items == nil {
            guard case .object(let page) = try await paginator.awaitValue(context) else { return nil }
            items = try page.iterate()
        }
        return items?.isEmpty == false ? items?.removeFirst() : nil
    }
}
