import Foundation

/// Dates of RANGE partition bounds: reading `2021-01-01` / `2021-01-01 10:00:00`, stepping by an EVERY unit, and the
/// names the FE gives batch partitions (sql/ast/MultiRangePartitionDesc.java, branch-3.3: `p` + the lower bound as
/// `yyyyMMdd` for DAY, `yyyyMMddHH` for HOUR, `yyyy_ww` for WEEK, `yyyyMM` for MONTH, `yyyy` for YEAR).
enum CalendarText {
    /// A proleptic Gregorian calendar in UTC (partition bounds carry no time zone).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// ISO weeks for WEEK partition names.
    static let isoCalendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The date in `text` (`yyyy-MM-dd` with an optional ` HH:mm:ss`), `nil` when it is not one.
    static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ")
        let day = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
        guard day.count == 3, trimmed.contains("-"), parts.count <= 2 else { return nil }
        let time = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : [0, 0, 0]
        guard time.count == 3 else { return nil }
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1],
                                        second: time[2])
        return calendar.date(from: components)
    }

    /// The calendar component an EVERY unit steps by.
    static func component(_ unit: String) -> Calendar.Component? {
        switch unit {
        case "HOUR": return .hour
        case "DAY": return .day
        case "WEEK": return .weekOfYear
        case "MONTH": return .month
        case "YEAR": return .year
        default: return nil
        }
    }

    /// A bound in the partition type's spelling: `yyyy-MM-dd` for DATE, `yyyy-MM-dd HH:mm:ss` for DATETIME (the
    /// type of a `from_unixtime(..)` range, and the default when the type is unknown).
    static func bound(_ date: Date, type: String?) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = padded(parts.year!, 4) + "-" + padded(parts.month!, 2) + "-" + padded(parts.day!, 2)
        if type == "date" { return day }
        return day + " " + padded(parts.hour!, 2) + ":" + padded(parts.minute!, 2) + ":" + padded(parts.second!, 2)
    }

    /// The name of the batch partition starting at `lower`.
    static func partitionName(_ lower: Date, unit: String) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: lower)
        let year = padded(parts.year!, 4), month = padded(parts.month!, 2), day = padded(parts.day!, 2)
        switch unit {
        case "YEAR": return "p" + year
        case "MONTH": return "p" + year + month
        case "WEEK":
            let week = isoCalendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: lower)
            return "p" + padded(week.yearForWeekOfYear!, 4) + "_" + padded(week.weekOfYear!, 2)
        case "HOUR": return "p" + year + month + day + padded(parts.hour!, 2)
        default: return "p" + year + month + day
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
