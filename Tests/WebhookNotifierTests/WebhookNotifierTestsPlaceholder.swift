import Testing

@Test func WebhookNotifierTestsPlaceholder() { #expect(Bool(true)) }
