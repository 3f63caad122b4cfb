// Generated from Sources/AssertLintKit/Rules/*.swift by `scripts/generate`. Do not edit.
public enum Registry {
    public static let all: [any Rule] = [
        AssertionMissing(),
        AssertionTypeInvalid(),
        AssertionTypeMissing(),
        AudienceMismatch(),
        AuthMethodMismatch(),
        ClientIDMismatch(),
        ClientIDMissing(),
        ContentTypeInvalid(),
        EndpointNotClientAuth(),
        GrantTypeInvalid(),
        MethodNotPost(),
        MultipleCredentials(),
        NoCredentials(),
        OrgServerRequiresPrivateKeyJWT(),
        ParameterRepeated(),
        ScopeInvalidForServer(),
    ]
}
