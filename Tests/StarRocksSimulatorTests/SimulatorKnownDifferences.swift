/// Corpus cases whose real server text the simulator does not reproduce, each with the reason. The simulator plays
/// one era (docs/SIMULATOR.md): the 3.3+ table layout and the 4.0+ view and materialized view text.
enum SimulatorKnownDifferences {
    /// Why a case differs.
    enum Reason: String, CaseIterable {
        /// The server is of another era; the difference is what that era prints otherwise (a version layer's job).
        case otherEra = "other era"
        /// The corpus case's statements cannot be replayed in a simulator (they need data or a feature it lacks).
        case notReplayable = "not replayable"
    }

    /// Case directory name → reason.
    static let cases: [String: Reason] = [:]
}
