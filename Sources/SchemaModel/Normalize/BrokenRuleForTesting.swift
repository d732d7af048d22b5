#if DEBUG
import Foundation
#endif

/// A switch that breaks one named normalization rule on purpose, for the test that shows the writable simulator is
/// an independent oracle (Tests/DriftCheckTests/IndependentOracleEndToEndTests.swift): with a rule broken, a check of
/// what `upgrade` wrote must turn red, which it could not if the simulator printed through the same rule. Read only
/// in DEBUG builds (what `swift build` and `swift test` make), from the environment variable
/// `STARROCKS_DRIFT_TEST_BROKEN_RULE`; release builds compile it to "no rule broken".
extension Normalize {
    /// The rule names the switch knows.
    public enum BreakableRule: String, Sendable {
        /// `nullability`: PRIMARY KEY columns declared without NULL / NOT NULL are taken as nullable (the server
        /// makes them NOT NULL).
        case primaryKeyNotNull = "primary_key_not_null"
    }

    /// The environment variable a DEBUG build reads.
    public static let brokenRuleVariable = "STARROCKS_DRIFT_TEST_BROKEN_RULE"

    /// The rule broken in this process, read once; always `nil` in release builds.
    static let brokenRule: BreakableRule? = {
        #if DEBUG
        return ProcessInfo.processInfo.environment[brokenRuleVariable].flatMap(BreakableRule.init(rawValue:))
        #else
        return nil
        #endif
    }()
}
