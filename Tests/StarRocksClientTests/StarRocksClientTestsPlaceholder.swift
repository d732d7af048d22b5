import Testing

@Test func StarRocksClientTestsPlaceholder() { #expect(Bool(true)) }
