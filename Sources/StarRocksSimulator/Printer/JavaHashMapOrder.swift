/// The iteration order of a `java.util.HashMap<String, String>`, which is the order the FE prints a materialized
/// view's property map in (catalog/TableProperty.java keeps the properties in a HashMap; MaterializedView.java
/// `getMaterializedViewDdlStmt` iterates it). A HashMap iterates its buckets in index order; a key's bucket is
/// `(h ^ (h >>> 16)) & (capacity - 1)` with `h` = `String.hashCode()`, and the capacity starts at 16 and doubles
/// whenever the entries pass three quarters of it. Keys sharing a bucket come out in insertion order, which the
/// model does not keep: the simulator orders them by name.
enum JavaHashMapOrder {
    /// `keys` in the order a HashMap holding them iterates.
    static func ordered(_ keys: [String]) -> [String] {
        var capacity = 16
        while Double(keys.count) > Double(capacity) * 0.75 { capacity *= 2 }
        return keys.sorted { lhs, rhs in
            let left = bucket(lhs, capacity: capacity), right = bucket(rhs, capacity: capacity)
            return left != right ? left < right : lhs < rhs
        }
    }

    /// The bucket of `key` in a table of `capacity` buckets.
    static func bucket(_ key: String, capacity: Int) -> Int {
        let hash = hashCode(key)
        let spread = hash ^ (hash >> 16)
        return Int(spread & UInt32(capacity - 1))
    }

    /// `String.hashCode()`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 code units, in 32-bit arithmetic.
    static func hashCode(_ key: String) -> UInt32 {
        key.utf16.reduce(UInt32(0)) { $0 &* 31 &+ UInt32($1) }
    }
}
