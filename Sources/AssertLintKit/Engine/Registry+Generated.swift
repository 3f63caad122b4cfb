// Generated from Sources/AssertLintKit/Rules/*.swift by `scripts/generate`. Do not edit.
public enum Registry {
    public static let all: [any Rule] = [
        AudienceHostNotAnnounced(),
        AudienceMismatch(),
        EndpointNotAnnounced(),
        KeyURLHeaderPresent(),
    ]
}
