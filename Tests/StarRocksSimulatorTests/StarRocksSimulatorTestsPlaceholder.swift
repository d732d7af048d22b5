import Testing

@Test func StarRocksSimulatorTestsPlaceholder() { #expect(Bool(true)) }
