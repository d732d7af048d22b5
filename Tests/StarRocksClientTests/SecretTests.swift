import StarRocksClient
import Testing

@Suite("Secret never shows its value")
struct SecretTests {
    let secret = Secret("hunter2-very-secret")

    @Test func interpolationAndDescriptions() {
        #expect("\(secret)" == Secret.redacted)
        #expect(String(describing: secret) == Secret.redacted)
        #expect(String(reflecting: secret) == Secret.redacted)
        #expect(!"\(secret)".contains("hunter2"))
    }

    @Test func dumpAndMirror() {
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(Mirror(reflecting: secret).children.isEmpty)
    }

    @Test func containingOptionsDoNotReveal() {
        let options = ConnectionOptions(host: "fe", user: "reader", password: secret, environment: "prod")
        var dumped = ""
        dump(options, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(!String(describing: options).contains("hunter2"))
        #expect(!String(reflecting: options).contains("hunter2"))
        #expect(String(describing: options).contains(Secret.redacted))
    }

    @Test func equalityStillWorks() {
        #expect(Secret("a") == Secret("a"))
        #expect(Secret("a") != Secret("b"))
        #expect(Secret("").isEmpty)
    }
}
