import Testing

@Test func MigrationHistoryTestsPlaceholder() { #expect(Bool(true)) }
