import Testing

@Test func SchemaModelTestsPlaceholder() { #expect(Bool(true)) }
