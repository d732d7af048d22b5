import Foundation

/// A password or other credential that never shows itself in `print`, string interpolation, `dump` or errors.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What every textual rendering of a secret shows instead of its value.
    public static let redacted = "<redacted>"

    private let value: String

    /// Wraps `value`; from here on only `StarRocksClient` can read it (to hand it to libmariadb).
    public init(_ value: String) {
        self.value = value
    }

    /// The shortest secret the tool accepts: a shorter one cannot be scrubbed from messages without mangling
    /// ordinary text, and is refused when it is loaded.
    public static let minimumLength = 4

    /// Whether the secret is shorter than `minimumLength` (the value itself is never shown).
    public var isTooShort: Bool { value.count < Self.minimumLength }

    /// `text` with every occurrence of any of `secrets` replaced by `marker`, in one pass from left to right that
    /// prefers the longest secret at each position; the replacement is never scanned again, so one secret that
    /// occurs inside another or inside the marker cannot garble the output. Text without a secret comes back as is.
    public static func scrub(_ text: String, secrets: [Secret], marker: String = "***") -> String {
        let needles = Set(secrets.map(\.value).filter { !$0.isEmpty }).map { Array($0.utf8) }
            .sorted { $0.count > $1.count }
        guard !needles.isEmpty else { return text }
        let bytes = Array(text.utf8)
        guard let shortest = needles.last?.count, bytes.count >= shortest else { return text }
        let firstBytes = Set(needles.map { $0[0] })
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        outer: while index < bytes.count {
            if firstBytes.contains(bytes[index]) {
                for needle in needles where needle.count <= bytes.count - index
                    && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    output.append(contentsOf: marker.utf8)
                    index += needle.count
                    changed = true
                    continue outer
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Whether the secret is the empty string (a user without a password).
    public var isEmpty: Bool { value.isEmpty }

    /// Always `<redacted>`.
    public var description: String { Self.redacted }

    /// Always `<redacted>`.
    public var debugDescription: String { Self.redacted }

    /// A mirror without children, so `dump` and reflection show nothing but the type.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The value, for the one place that must hand it to libmariadb.
    func reveal() -> String { value }
}
