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

    @Test func scrubCoversSecretsOfAnyLengthWithoutGarblingOtherText() {
        // A short secret is scrubbed too (the loader refuses ones under 4 characters; scrub itself has no floor).
        #expect(Secret.scrub("login failed for pw xyz!", secrets: [Secret("xyz")]) == "login failed for pw ***!")
        // One pass, longest first: a secret inside another, or inside the marker, does not garble the output.
        #expect(Secret.scrub("a hunter2-long b", secrets: [Secret("hunter2"), Secret("hunter2-long")]) == "a *** b")
        #expect(Secret.scrub("p=**ab", secrets: [Secret("**ab"), Secret("*")]) == "p=***")
        // Text without a secret is returned unchanged, multi-byte characters included.
        let text = "Grüße — kein Geheimnis hier"
        #expect(Secret.scrub(text, secrets: [Secret("hunter2")]) == text)
        #expect(Secret.scrub("ключ=пароль1!", secrets: [Secret("пароль1")]) == "ключ=***!")
        #expect(Secret("abc").isTooShort && !Secret("abcd").isTooShort)
    }
}
