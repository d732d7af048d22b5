/// A calendar date-time without time zone, enough for expanding `START .. END .. EVERY (INTERVAL n unit)` batches the
/// way the StarRocks FE does (proleptic Gregorian, no leap seconds).
struct CivilTime: Comparable, Hashable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` (also `YYYYMMDD`); `nil` otherwise.
    init?(_ text: String) {
        guard let first = text.utf8.first(where: { $0 != 32 }), first >= 48, first <= 57, text.utf8.count >= 8 else {
            return nil
        }
        let trimmed = Normalize.trimmed(text)
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = parts.first, parts.count <= 2 else { return nil }
        var fields = datePart.split(separator: "-").map { Int($0) }
        if fields.count == 1, datePart.count == 8, let compact = Int(datePart) {
            fields = [compact / 10000, compact / 100 % 100, compact % 100]
        }
        guard fields.count == 3, let y = fields[0], let m = fields[1], let d = fields[2],
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var time = [0, 0, 0]
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").map { Int($0) }
            guard (1...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else { return nil }
            for (index, value) in clock.enumerated() { time[index] = value! }
        }
        self.init(year: y, month: m, day: d, hour: time[0], minute: time[1], second: time[2])
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Days since 1970-01-01 (H. Hinnant's days-from-civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date of a day number (civil-from-days).
    static func date(dayNumber: Int) -> CivilTime {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CivilTime(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Monday = 0 ... Sunday = 6.
    var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// ISO-8601 week number.
    var isoWeek: (year: Int, week: Int) {
        let thursday = CivilTime.date(dayNumber: dayNumber - weekday + 3)
        let firstDay = CivilTime(year: thursday.year, month: 1, day: 1).dayNumber
        return (thursday.year, (thursday.dayNumber - firstDay) / 7 + 1)
    }

    /// This time plus `count` units (`HOUR`, `DAY`, `WEEK`, `MONTH`, `YEAR`); `nil` for another unit.
    func adding(_ count: Int, _ unit: String) -> CivilTime? {
        switch unit.uppercased() {
        case "YEAR": return CivilTime(year: year + count, month: month, day: day, hour: hour, minute: minute, second: second)
        case "MONTH":
            let total = year * 12 + (month - 1) + count
            return CivilTime(year: total / 12, month: total % 12 + 1, day: day, hour: hour, minute: minute, second: second)
        case "WEEK": return addingSeconds(count * 7 * 86400)
        case "DAY": return addingSeconds(count * 86400)
        case "HOUR": return addingSeconds(count * 3600)
        case "MINUTE": return addingSeconds(count * 60)
        default: return nil
        }
    }

    private func addingSeconds(_ seconds: Int) -> CivilTime {
        let total = dayNumber * 86400 + hour * 3600 + minute * 60 + second + seconds
        let days = total >= 0 ? total / 86400 : (total - 86399) / 86400
        let rest = total - days * 86400
        var out = CivilTime.date(dayNumber: days)
        out.hour = rest / 3600
        out.minute = rest / 60 % 60
        out.second = rest % 60
        return out
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    var dateTimeText: String {
        "\(Normalize.padded(year, 4))-\(Normalize.padded(month, 2))-\(Normalize.padded(day, 2)) \(Normalize.padded(hour, 2)):\(Normalize.padded(minute, 2)):\(Normalize.padded(second, 2))"
    }

    static func < (lhs: CivilTime, rhs: CivilTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }
}

extension Normalize {
    /// `value` left-padded with zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first > 32, last > 32 { return text }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
