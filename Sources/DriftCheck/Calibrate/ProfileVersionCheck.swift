/// Whether an environment's server profile was learned on the server version it now runs.
enum ProfileVersionCheck {
    /// A warning when the profile was learned on another version than `serverVersion`; `nil` when it matches, the
    /// version is unknown, or there is no profile. The profile is still used: it is closer than no profile.
    static func warning(_ environment: EnvironmentConfig, serverVersion: String?) -> String? {
        guard let profile = environment.profile, !profile.matches(serverVersion: serverVersion),
              let serverVersion else { return nil }
        return "warning: \(environment.name): the server profile \(ProfileFile.path(for: environment)) was learned on "
            + "StarRocks \(profile.serverVersion) but the server runs \(serverVersion); run "
            + "`starrocks-drift calibrate --env \(environment.name)` again and commit the new profile"
    }
}
