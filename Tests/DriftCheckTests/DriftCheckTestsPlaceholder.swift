import Testing

@Test func DriftCheckTestsPlaceholder() { #expect(Bool(true)) }
