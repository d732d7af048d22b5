import Testing

@Test func DriftReportTestsPlaceholder() { #expect(Bool(true)) }
