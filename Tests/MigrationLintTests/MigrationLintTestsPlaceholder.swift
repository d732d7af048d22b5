import Testing

@Test func MigrationLintTestsPlaceholder() { #expect(Bool(true)) }
