import Testing

@Test func LiveSchemaTestsPlaceholder() { #expect(Bool(true)) }
