import Foundation

/// Thresholds for the operations checks.
public struct OperationsPolicy: Sendable {
    /// An active schema-change job older than this is reported as stuck.
    public var stuckAfterSeconds: TimeInterval
    /// A CANCELLED job newer than this is reported.
    public var cancelledWithinSeconds: TimeInterval
    /// A declared RANGE window ending within this many days is reported ("extend the partition range").
    public var partitionWindowWarningDays: Int
    /// The server default `replication_num` assumed where neither migrations nor `expect.properties` set one
    /// (StarRocks FE config `default_replication_num`, 3 unless changed).
    public var defaultReplicationNum: Int
    /// "Now", injectable for tests.
    public var now: Date

    public init(stuckAfterSeconds: TimeInterval = 3600, cancelledWithinSeconds: TimeInterval = 86_400,
                partitionWindowWarningDays: Int = 7, defaultReplicationNum: Int = 3, now: Date = Date()) {
        self.stuckAfterSeconds = stuckAfterSeconds
        self.cancelledWithinSeconds = cancelledWithinSeconds
        self.partitionWindowWarningDays = partitionWindowWarningDays
        self.defaultReplicationNum = defaultReplicationNum
        self.now = now
    }

    /// Parses StarRocks' `yyyy-MM-dd HH:mm:ss` / `yyyy-MM-dd` timestamps (server-local time, taken as UTC).
    static func parseTimestamp(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { "- :T".contains($0) }).compactMap { Int($0) }
        guard parts.count == 3 || parts.count >= 5 else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        if parts.count >= 5 {
            components.hour = parts[3]
            components.minute = parts[4]
            components.second = parts.count >= 6 ? parts[5] : 0
        }
        return components.date
    }
}
