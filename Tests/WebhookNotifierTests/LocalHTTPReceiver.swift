import DriftTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An in-process HTTP receiver on 127.0.0.1 (port picked by the kernel) that records each request and answers with
/// scripted responses, one per connection. For webhook tests only.
final class LocalHTTPReceiver: @unchecked Sendable {
    /// What to do with one request.
    enum Response: Sendable {
        /// Answer with this status and extra headers.
        case status(Int, headers: [String: String] = [:])
        /// Read the request and never answer (until the receiver stops).
        case hang
    }

    /// One received request.
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: Data
        var receivedAt: Date
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var script: [Response]
    private var received: [Request] = []
    private var openConnections: [Int32] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening; `script` is consumed one response per request, the last one repeating.
    init(script: [Response]) throws {
        self.script = script
        let (fd, port) = try LoopbackSocket.listen(backlog: 16)
        listener = fd
        self.port = port
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests received so far.
    var requests: [Request] {
        lock.lock(); defer { lock.unlock() }
        return received
    }

    /// Stops accepting, closes hanging connections and waits for the accept loop to end.
    func stop() {
        lock.lock()
        let alreadyStopped = stopped
        stopped = true
        let connections = openConnections
        lock.unlock()
        guard !alreadyStopped else { return }
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        finished.wait()
    }

    deinit { stop() }

    private func acceptLoop() {
        defer { finished.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                lock.lock(); let done = stopped; lock.unlock()
                if done || (errno != EINTR && errno != ECONNABORTED) { return }
                continue
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        lock.lock(); openConnections.append(connection); lock.unlock()
        defer {
            lock.lock(); openConnections.removeAll { $0 == connection }; lock.unlock()
            close(connection)
        }
        guard var request = readRequest(connection) else { return }
        request.receivedAt = Date()
        lock.lock()
        received.append(request)
        let response = script.count > 1 ? script.removeFirst() : (script.first ?? .status(200))
        lock.unlock()
        switch response {
        case .hang:
            var byte: UInt8 = 0
            _ = recv(connection, &byte, 1, 0) // returns when the client gives up or the receiver stops
        case .status(let code, let headers):
            var text = "HTTP/1.1 \(code) Scripted\r\nContent-Length: 2\r\nConnection: close\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
            text += "\r\nok"
            _ = text.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            // Not HTTP (e.g. a TLS ClientHello starts with 0x16): hang up, as a plain-HTTP server would.
            if let first = data.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) { return nil }
            headerEnd = data.range(of: separator)
        }
        let head = String(decoding: data[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Data(data[headerEnd!.upperBound...])
        while body.count < length {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return Request(method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
                       headers: headers, body: body, receivedAt: Date())
    }


    /// A loopback port with nothing listening (bound, then closed), for connection-refused tests.
    static func closedPort() throws -> Int {
        let receiver = try LocalHTTPReceiver(script: [.status(200)])
        let port = receiver.port
        receiver.stop()
        return port
    }
}
