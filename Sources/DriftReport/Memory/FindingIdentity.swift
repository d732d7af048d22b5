import Findings

/// The stable identity of a finding across runs: environment, kind and object — never the message, the expected or
/// actual text, the severity or the status, so a reworded message, a changed actual value or a finding moving from
/// `pending` to `drift` is still the same finding. Written into `drift-report.json` as `finding_id`.
public enum FindingIdentity {
    /// `prod/unexpected_column/analytics.events.debug_flag`.
    public static func id(environment: String, kind: String, object: String) -> String {
        "\(environment)/\(kind)/\(object)"
    }

    /// The ids of `findings`, in order. Two findings of one kind on one object (rare: the differ reports one per
    /// kind and object) are told apart by their order: the second gets `#2`, the third `#3`.
    public static func ids(environment: String, findings: [Finding]) -> [String] {
        ids(environment: environment, keys: findings.map { ($0.kind.rawValue, $0.object) })
    }

    /// The ids for `(kind, object)` pairs, in order, numbered as `ids(environment:findings:)` does.
    public static func ids(environment: String, keys: [(kind: String, object: String)]) -> [String] {
        var seen: [String: Int] = [:]
        return keys.map { key in
            let base = id(environment: environment, kind: key.kind, object: key.object)
            let count = seen[base, default: 0] + 1
            seen[base] = count
            return count == 1 ? base : "\(base)#\(count)"
        }
    }
}
