import StarRocksClient
import Testing

@Suite("starrocks:// URL parsing")
struct StarRocksURLTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var user: String
        var host: String
        var port: Int
        var catalog: String?
        var database: String?
        var testDescription: String { text }
    }

    static let valid: [Case] = [
        Case(text: "starrocks://drift_reader@sr-prod-fe:9030/default_catalog.analytics", user: "drift_reader",
             host: "sr-prod-fe", port: 9030, catalog: "default_catalog", database: "analytics"),
        Case(text: "starrocks://u@h/db", user: "u", host: "h", port: 9030, catalog: nil, database: "db"),
        Case(text: "starrocks://u@h:19030", user: "u", host: "h", port: 19030, catalog: nil, database: nil),
        Case(text: "starrocks://u@h:9030/", user: "u", host: "h", port: 9030, catalog: nil, database: nil),
        Case(text: "STARROCKS://u@10.0.0.1:9030/hive.sales", user: "u", host: "10.0.0.1", port: 9030,
             catalog: "hive", database: "sales"),
        Case(text: "mysql://u@h:3306/db", user: "u", host: "h", port: 3306, catalog: nil, database: "db"),
        Case(text: "starrocks://u@[::1]:9031/db", user: "u", host: "::1", port: 9031, catalog: nil, database: "db"),
        Case(text: "starrocks://user%40corp@h/d%C3%A9v", user: "user@corp", host: "h", port: 9030, catalog: nil,
             database: "dév"),
    ]

    @Test(arguments: valid)
    func parses(_ c: Case) throws {
        let url = try StarRocksURL(parsing: c.text)
        #expect(url.user == c.user)
        #expect(url.host == c.host)
        #expect(url.port == c.port)
        #expect(url.catalog == c.catalog)
        #expect(url.database == c.database)
        #expect(try StarRocksURL(parsing: url.description) == url)
    }

    static let invalid: [(String, String)] = [
        ("sr-prod-fe:9030/analytics", "expected starrocks://"),
        ("postgres://u@h/db", "unsupported scheme"),
        ("starrocks://h:9030/db", "user is missing"),
        ("starrocks://u@:9030/db", "host is missing"),
        ("starrocks://u@h:90x0/db", "port"),
        ("starrocks://u@h:70000/db", "port"),
        ("starrocks://u@h/a.b.c", "catalog.database"),
        ("starrocks://u@h/db?ssl=true", "query parameters"),
    ]

    @Test(arguments: invalid)
    func refuses(_ text: String, _ reason: String) {
        #expect {
            _ = try StarRocksURL(parsing: text)
        } throws: { error in
            guard let error = error as? ClientError, case .invalidURL = error else { return false }
            return "\(error)".contains(reason)
        }
    }

    @Test func passwordInURLIsRefusedWithoutEchoingIt() {
        let text = "starrocks://reader:S3cr3t-pw@sr-prod-fe:9030/analytics"
        var message = ""
        do {
            _ = try StarRocksURL(parsing: text)
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("password_env"))
        #expect(!message.contains("S3cr3t-pw"))
        #expect(message.contains("reader:***@sr-prod-fe"))
    }

    @Test func optionsCarryURLParts() throws {
        let url = try StarRocksURL(parsing: "starrocks://r@fe:9131/cat.db")
        let options = url.connectionOptions(password: Secret("x"), environment: "prod")
        #expect(options.host == "fe" && options.port == 9131 && options.user == "r")
        #expect(options.catalog == "cat" && options.database == "db" && options.environment == "prod")
        #expect(options.password == Secret("x"))
    }
}
