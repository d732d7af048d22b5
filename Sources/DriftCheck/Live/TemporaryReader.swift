public struct LiveStateReader: ActualStateReading {
    public init() {}
    public func read(_ environment: EnvironmentConfig, password: String?) async throws -> ActualState {
        throw EnvironmentUnavailable(.error, "live reading not wired yet")
    }
}
