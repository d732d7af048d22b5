import Foundation
import StarRocksClient

/// The probe database's name: `<prefix>_<created>_<random>`, with `created` the run's start in seconds since
/// 1970 (UTC) and `random` six hex digits. The creation time lives in the name so that a later run can tell a probe
/// database a crashed run left (older than an hour) from one another run is using now, with nothing but
/// `SHOW DATABASES` — StarRocks keeps no creation time for a database that every version exposes.
public enum ProbeDatabaseName {
    /// How old a probe database must be before a later run drops it.
    public static let staleAfterSeconds: TimeInterval = 3600

    /// A new name for a run starting at `now`.
    static func make(prefix: String, now: Date) -> String {
        let random = String(UInt32.random(in: 0...0xFF_FFFF), radix: 16)
        return "\(prefix)_\(Int(now.timeIntervalSince1970))_\(String(repeating: "0", count: 6 - random.count))\(random)"
    }

    /// When the probe database `name` was created, if it is one of `prefix`.
    static func created(_ name: String, prefix: String) -> Date? {
        guard ProbeGuard.Scope(database: "", prefix: prefix).isProbeDatabase(name) else { return nil }
        let seconds = name.dropFirst(prefix.count + 1).split(separator: "_").first.flatMap { Int($0) }
        return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The probe databases among `names` created more than `staleAfter` seconds before `now`.
    static func stale(_ names: [String], prefix: String, now: Date, staleAfter: TimeInterval) -> [String] {
        names.filter { name in
            guard let created = created(name, prefix: prefix) else { return false }
            return now.timeIntervalSince(created) > staleAfter
        }.sorted()
    }
}
