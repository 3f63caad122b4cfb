// Generated from Sources/AssertLintKit/Rules/*.swift by `scripts/generate`. Do not edit.
public enum Registry {
    public static let all: [any Rule] = [
        AlgNone(),
        AudienceIssuerInsteadOfEndpoint(),
        AudienceMismatch(),
        AudienceMissing(),
        Base64URLLenient(),
        ClaimTypeInvalid(),
        ExpExpired(),
        ExpMissing(),
        ExpNearCap(),
        ExpTooFar(),
        IatFuture(),
        IssuerMismatch(),
        JSONDuplicateKey(),
        JWTMalformed(),
        JtiMissing(),
        JtiReused(),
        NbfFuture(),
        SubjectMismatch(),
    ]
}
