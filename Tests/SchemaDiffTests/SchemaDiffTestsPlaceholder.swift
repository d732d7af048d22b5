import Testing

@Test func SchemaDiffTestsPlaceholder() { #expect(Bool(true)) }
