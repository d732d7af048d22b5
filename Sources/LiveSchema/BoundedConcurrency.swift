/// Runs `body` over `items` with at most `limit` running at once; results come back in item order. The first
/// error thrown cancels the rest and is rethrown.
func boundedMap<Item: Sendable, Output: Sendable>(_ items: [Item], limit: Int,
                                                  _ body: @escaping @Sendable (Item) async throws -> Output)
    async throws -> [Output] {
    try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var results = [Output?](repeating: nil, count: items.count)
        var next = 0
        func launch() {
            let index = next
            let item = items[index]
            group.addTask { (index, try await body(item)) }
            next += 1
        }
        while next < items.count && next < max(1, limit) { launch() }
        while let (index, output) = try await group.next() {
            results[index] = output
            if next < items.count { launch() }
        }
        return results.map { $0! }
    }
}
