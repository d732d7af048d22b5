import CCurl
import Foundation

/// What one HTTP attempt produced.
enum AttemptResult: Sendable, Equatable {
    /// The receiver answered; `retryAfter` is its `Retry-After` in seconds when it sent a number.
    case answered(status: Int, retryAfter: Double?)
    /// No complete answer.
    case failed(DeliveryFailure)
}

/// One blocking HTTP POST through libcurl's easy interface. Call it off the Swift concurrency pool.
struct CurlTransport: Sendable {
    /// libcurl's `CURLE_OPERATION_TIMEDOUT`.
    static let timedOutCode = 28
    /// Only these protocols may be used, and redirects are never followed (the body must not leave for another host).
    static let allowedProtocols = "http,https"

    var connectTimeout: Double
    var totalTimeout: Double
    var userAgent: String

    /// `curl_global_init`, exactly once per process (Swift initialises a static `let` once, thread-safely).
    private static let globalInit: Int = Int(sd_curl_global_init_all().rawValue)

    /// Ensures libcurl is initialised; the libcurl error text when it could not be.
    static func prepare() -> String? {
        let code = globalInit
        return code == 0 ? nil : String(cString: curl_easy_strerror(CURLcode(rawValue: UInt32(code))))
    }

    func post(url: WebhookURL, body: Data, contentType: String) -> AttemptResult {
        guard let handle = curl_easy_init() else {
            return .failed(.network(code: -1, reason: "curl_easy_init failed"))
        }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>?
        for header in ["Content-Type: \(contentType)", "Expect:", "Accept: */*"] {
            headers = curl_slist_append(headers, header)
        }
        defer { curl_slist_free_all(headers) }
        let collector = ResponseHeaders()

        _ = sd_curl_easy_setopt_string(handle, CURLOPT_URL, url.value)
        _ = sd_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, Self.allowedProtocols)
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_POST, 1)
        _ = sd_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        _ = sd_curl_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(connectTimeout))
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(totalTimeout))
        // TLS verification stays on: peer certificate and host name are always checked.
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = sd_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = sd_curl_easy_setopt_write_function(handle) { _, size, count, _ in size * count }
        _ = sd_curl_easy_setopt_header_function(handle) { buffer, size, count, userdata in
            let length = size * count
            if let buffer, let userdata {
                let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
                Unmanaged<ResponseHeaders>.fromOpaque(userdata).takeUnretainedValue().consume(line)
            }
            return length
        }
        let code: CURLcode = withExtendedLifetime(collector) {
            _ = sd_curl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(collector).toOpaque())
            return body.withUnsafeBytes { bytes in
                _ = sd_curl_easy_setopt_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count)
                if let base = bytes.baseAddress, bytes.count > 0 {
                    _ = sd_curl_easy_setopt_bytes(handle, CURLOPT_POSTFIELDS, base)
                } else {
                    _ = sd_curl_easy_setopt_string(handle, CURLOPT_POSTFIELDS, "")
                }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let number = Int(code.rawValue)
            if number == Self.timedOutCode { return .failed(.timeout(seconds: totalTimeout)) }
            // curl_easy_strerror gives a fixed text per code; it never contains the URL.
            return .failed(.network(code: number, reason: String(cString: curl_easy_strerror(code))))
        }
        var status = 0
        _ = sd_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .answered(status: status, retryAfter: collector.retryAfter)
    }

    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return max(1, Int((seconds * 1000).rounded()))
    }
}

/// Collects the response headers libcurl reports, one line per callback. Used on one thread only.
final class ResponseHeaders {
    /// `Retry-After` in seconds (delta-seconds form only; an HTTP-date is ignored and backoff applies).
    private(set) var retryAfter: Double?

    func consume(_ line: String) {
        if line.hasPrefix("HTTP/") {
            retryAfter = nil // a new response (after an interim 1xx) starts
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        guard name == "retry-after" else { return }
        let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
        if let seconds = Int(value), seconds >= 0 { retryAfter = Double(seconds) }
    }
}
