import Dispatch
import SchemaModel

/// The round-trip check (an object the model cannot reprint faithfully is *not compared*, never clean) for every table
/// present on both sides of one database, run up front on all cores: print → parse → lower is the costliest part of
/// a diff, and each table's check is independent of the others.
struct RoundTripCheck: Sendable {
    /// Names of tables whose expected / actual definition does not survive the round trip.
    let failingExpected: Set<String>
    let failingActual: Set<String>

    init(_ expected: Database, _ actual: Database) {
        let names = expected.tables.keys.filter { actual.tables[$0] != nil }.sorted()
        let tables = names.flatMap { [expected.tables[$0]!, actual.tables[$0]!] }
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: tables.count)
        defer { results.deallocate() }
        results.initialize(repeating: true)
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: tables.count) { index in
            shared[index] = roundTrips(tables[index])
        }
        var failingExpected = Set<String>(), failingActual = Set<String>()
        for (offset, name) in names.enumerated() {
            if !results[offset * 2] { failingExpected.insert(name) }
            if !results[offset * 2 + 1] { failingActual.insert(name) }
        }
        self.failingExpected = failingExpected
        self.failingActual = failingActual
    }
}
