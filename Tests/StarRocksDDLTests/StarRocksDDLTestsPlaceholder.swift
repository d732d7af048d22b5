import Testing

@Test func StarRocksDDLTestsPlaceholder() { #expect(Bool(true)) }
