// Generated from Profiles/*.yaml by `scripts/generate`. Do not edit.
// swiftlint:disable all
enum BundledProfiles {
    static let all: [ServerProfile] = [
        ServerProfile(
            id: "okta-custom",
            name: "Okta custom authorization server",
            shortName: "Okta",
            extends: nil,
            version: nil,
            sources: ["Okta's OAuth error catalog: okta/okta-developer-docs packages/@okta/vuepress-site/data/oauth2-error-codes.json, release 2026.08.1 (commit 468de9c)", "https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/", "https://developer.okta.com/docs/guides/build-self-signed-jwt/", "okta-facts.md (assertlint's research notes, shared with the rule catalog)"],
            recognise: ServerProfile.Recognition(
                hosts: ["*.okta.com", "*.oktapreview.com", "*.okta-emea.com", "*.okta-gov.com", "*.okta.mil", "*.okta-miltest.com", "*.trexcloud.com"],
                customDomains: true,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/oauth2/{server}/v1/{endpoint+}",
                        endpoint: "{endpoint}",
                        issuer: "{origin}/oauth2/{server}"
                    ),
                ]
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "aud must be the absolute URL of the endpoint invoked, compared exactly; an array with one such member is accepted since 2022.08; the issuer is not accepted (the catalog text is unchanged from 2020.05.3 to 2026.08.1).",
                source: "oauth2-error-codes.json#client_assertion_invalid_audience"
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: 3600.0,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: "oauth2-error-codes.json#client_assertion_expires_too_far_in_future; https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/"
            ),
            jti: ServerProfile.JTIRules(
                required: false,
                singleUse: true,
                inferred: nil,
                source: "oauth2-error-codes.json#client_assertion_already_used"
            ),
            algorithms: ["client_secret_jwt": ["HS256", "HS384", "HS512"], "private_key_jwt": ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: true,
                sources: ["jwks", "jwks_uri"],
                inferred: nil,
                source: nil
            ),
            limits: ServerProfile.Limits(
                secretMinLength: 32,
                rsaMinBits: 2048,
                ecMinBits: nil,
                keysPerClient: 50,
                assertionMaxBytes: nil,
                claimMaxLength: nil,
                inferred: nil,
                source: "https://developer.okta.com/docs/guides/build-self-signed-jwt/ (secret length); Okta's app key management docs (2048-bit RSA minimum, 50 keys per client)"
            ),
            clientID: nil,
            grants: [
                "client_credentials": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: "no_okta_api",
                    scopePrefix: "okta.",
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "http://auth0.com/oauth/grant-type/mfa-oob": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "http://auth0.com/oauth/grant-type/mfa-otp": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "interaction_code": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "urn:okta:params:oauth:grant-type:oob": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "urn:okta:params:oauth:grant-type:otp": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
            ],
            console: ["client_secret_basic": "Client secret", "client_secret_jwt": "Client secret (signed JWT)", "client_secret_post": "Client secret", "none": "None (public client)", "private_key_jwt": "Public key / Private key"],
            messages: ["aud-host-not-announced.hosts": "{own} is the Okta host, {custom} a custom URL domain", "aud-issuer-instead-of-endpoint.server": "the custom authorization server '{server}'", "aud-issuer-instead-of-endpoint.server.default": "the default custom authorization server", "aud-mismatch.server": "the custom authorization server '{server}' (/oauth2/{server})", "aud-mismatch.server.default": "the default custom authorization server (/oauth2/default)", "no-credentials.default-method": "Okta's default client authentication is client_secret_basic", "scope-invalid-for-server.api-scopes": "A custom authorization server cannot mint Okta API scopes, and the request asks for {scopes}", "scope-invalid-for-server.api-scopes.advice": "request Okta API scopes from the Org authorization server at {origin}/oauth2/v1/token (which requires private_key_jwt and an assertion with that `aud`), and only your own scopes here"],
            checkOrder: ServerProfile.CheckOrder(
                steps: [["method-not-post"], ["content-type-invalid"], ["parameter-repeated"], ["multiple-credentials"], ["authorization-scheme-invalid"], ["assertion-missing", "jwt-bearer-grant-for-client-auth", "no-credentials"], ["assertion-type-invalid"], ["assertion-type-missing"], ["jwt-malformed"], ["alg-none"], ["client-id-missing"], ["client-id-mismatch", "iss-mismatch", "sub-mismatch"], ["auth-method-mismatch"], ["aud-host-not-announced", "aud-mismatch"], ["aud-issuer-instead-of-endpoint"], ["aud-missing"], ["kid-missing", "kid-unknown"], ["alg-not-allowed"], ["signature-invalid"], ["secret-too-short"], ["claim-type-invalid"], ["exp-missing"], ["exp-expired"], ["exp-too-far"], ["iat-future"], ["nbf-future"], ["jti-reused"], ["org-server-requires-private-key-jwt"], ["scope-invalid-for-server"], ["grant-type-invalid"]]
            ),
            answers: [
                "alg-none": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT signature algorithm is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_signature_algorithm",
                    note: "The text, status and error are the entry of Okta's error catalog for an assertion whose signature algorithm Okta refuses. That Okta answers an unsigned (`alg: none`) assertion with it, rather than with its parse failure (client_assertion_invalid_jwt), is assertlint's prediction.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "alg-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT signature algorithm is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_signature_algorithm",
                    note: "Okta's catalog entry for an assertion signed with an algorithm Okta does not accept for the client.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                    note: "Okta's catalog files this text under invalid_token_endpoint_auth_method: the request names a client (`client_id`) whose app is registered for a signed JWT but authenticates another way, here not at all. It is the answer quoted in the forum report of an introspect call with only `client_id` from a private_key_jwt service app (devforum.okta.com/t/25024).",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "client-not-named",
                            when: "nothing in the request names the client (no client_id, no Basic header)",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "No client credentials found.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#missing_client_credentials",
                            note: "Nothing in the request names the client (no `client_id`, no Basic header), so Okta cannot look the client up and answers as for a request without any credential (missing_client_credentials in Okta's catalog)."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "The client_assertion_type is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_type_invalid",
                    note: "Okta's catalog has it as 400 invalid_request; its 2020.05.3 version had 401 invalid_client (the status changed in release 2022.01.2, OKTA-456503).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "No client credentials found.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#missing_client_credentials",
                    note: "The text is Okta's (missing_client_credentials); its use for this case is inferred. Okta documents no answer for a client_assertion without client_assertion_type: it most likely ignores the assertion and answers as for a request without credentials, or, when `client_id` names the client, as for a client that authenticates with the wrong method; it may answer \"The client_assertion_type is invalid.\" (400 invalid_request) instead.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "client-named",
                            when: "`client_id` names the client",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                            note: "`client_id` names the client, which then presents no credential Okta reads; Okta's catalog answers a registered client that authenticates with another method than its own with this text (invalid_token_endpoint_auth_method). That Okta ignores an untyped client_assertion is assertlint's inference."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "aud-host-not-announced": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: "How Okta treats an aud on the okta.com host for a request sent to a custom URL domain (or the reverse) is not documented; assertlint assumes aud must name the host the request is sent to.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-issuer-instead-of-endpoint": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: "Nothing public shows Okta accepting the issuer as `aud`: this text is unchanged in its catalog from 2020.05.3 to 2026.08.1.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: "The text is Okta's catalog entry for a wrong `aud`; that Okta gives the same answer when `aud` is absent or empty is assertlint's prediction (no source shows a missing `aud`).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "auth-method-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                    note: "Okta's catalog files this text under invalid_token_endpoint_auth_method: a registered client that authenticates with another method than its token_endpoint_auth_method. Whether a client-secret app may authenticate with client_secret_jwt is not documented.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "jwks-not-configured",
                            when: "an RS/ES-signed assertion from an app with no registered public key",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "The client does not have a JWKSet configured, but the client_assertion requires one.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#client_assertion_jwks_not_configured",
                            note: "Okta's catalog entry for an RS/ES-signed assertion from an app without a registered public key (also recorded by Okta's own SDK integration tests)."
                        ),
                        AnswerVariant(
                            name: "no-secret",
                            when: "an HS-signed assertion from an app without a client secret",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "The issuer and subject claim for client_assertion is invalid because the client does not have a client secret.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#client_assertion_invalid_no_secret",
                            note: "Okta's catalog entry for an HS-signed assertion from an app that has no client secret."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "authorization-scheme-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Found Authentication header but was not valid client credentials.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_basic_auth_creds",
                    note: "Okta documents only Basic for client credentials in the Authorization header. The text is Okta's catalog entry for an Authorization header that does not carry valid client credentials (invalid_basic_auth_creds); that Okta gives it for another scheme (Bearer), rather than its generic \"Client authentication failed.\" text, is assertlint's prediction.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "claim-type-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_client",
                    note: "How Okta treats claims of the wrong type is not documented. The text is Okta's generic client-authentication failure (the catalog's invalid_client entry); that Okta answers with it is assertlint's prediction.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "exp",
                            when: "`exp` is not a number",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "The client_assertion must contain the 'exp' claim as seconds since epoch.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#client_assertion_expiration_required",
                            note: "Okta's catalog entry for an assertion without a usable `exp`, which it words as \"seconds since epoch\"; whether Okta accepts a NumericDate written as a string (as Okta's own service-app guide shows, `\"exp\": \"1614664267\"`) is unknown (okta-facts note 9)."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "client-id-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: nil,
                    note: "Okta's answer when the client_id parameter (or the Basic user) differs from the assertion's sub or from the app is not documented, and Okta's error catalog (oauth2-error-codes.json, release 2026.08.1) has no entry for it (its invalid_client_id, \"Invalid value for 'client_id' parameter.\", is for a client_id Okta does not know). Okta's error_description for it is not known, so assertlint shows none.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "A client_id must be provided in the request.",
                    verbatim: false,
                    source: nil,
                    note: "Verbatim from a recorded response (an assertion with empty iss and sub, no client_id parameter) made through a proxy in front of an Okta org (department-of-veterans-affairs/vets-api test cassettes), not from Okta's docs; Okta's error catalog (oauth2-error-codes.json, release 2026.08.1) has no entry for it. The same text has also been seen in Okta's API error shape (errorCode/errorSummary).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "content-type-invalid": ServerAnswer(
                    status: 400,
                    error: "E0000021",
                    errorDescription: "Bad request. Accept and/or Content-Type headers likely do not match supported values.",
                    verbatim: false,
                    source: nil,
                    note: "Seen verbatim in a third-party report of an Okta response to a JSON body (Kong/volcano-agent-sdk#21), not in Okta's docs. It comes back in Okta's API error shape (errorCode/errorSummary), not as an OAuth error, so Okta's OAuth error catalog (oauth2-error-codes.json) does not hold it.",
                    apiErrorShape: true,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-expired": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token is expired.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_expired_token",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion must contain the 'exp' claim as seconds since epoch.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_expiration_required",
                    note: "Okta's catalog entry for an assertion without `exp` (or whose `exp` is not seconds since epoch).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-too-far": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token has an expiration too far into the future.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_expires_too_far_in_future",
                    note: "Okta's workshop blog shows this text without the final period; Okta's catalog has it with one.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "grant-type-invalid": ServerAnswer(
                    status: 400,
                    error: "unsupported_grant_type",
                    errorDescription: nil,
                    verbatim: false,
                    source: nil,
                    note: "Okta's catalog words these answers with the server's own list of grant types (unsupported_grant_type: \"The authorization grant type is not supported by the authorization server. Configured grant types: [...]\"; token_request_missing_grant_type, 400 invalid_request: \"The token request must specify a 'grant_type'. Valid values: [...]\"), which assertlint does not know, so it shows no error_description.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "missing",
                            when: "the token request has no grant_type",
                            status: 400,
                            error: "invalid_request",
                            errorDescription: nil,
                            verbatim: false,
                            source: nil,
                            note: "Okta's catalog answers a token request without grant_type with 400 invalid_request (token_request_missing_grant_type), worded with the server's list of grant types (\"The token request must specify a 'grant_type'. Valid values: [...]\"), which assertlint does not know, so it shows no error_description."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "iat-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token must be issued before the current time.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_issued_at_in_future",
                    note: "Okta's catalog entry for an `iat` after the time Okta receives the request; how much clock skew Okta tolerates is not documented.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iss-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The issuer claim for client_assertion is not a valid client_id.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_issuer",
                    note: "Okta's catalog entry for an `iss` that is not a valid client_id. When `iss` and `sub` are both empty and no client_id parameter is sent, Okta is recorded answering `A client_id must be provided in the request.` (see client-id-missing).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-reused": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token has already been used.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_already_used",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwt-bearer-grant-for-client-auth": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "No client credentials found.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#missing_client_credentials",
                    note: "The text is Okta's catalog entry for a request without client credentials (missing_client_credentials); that Okta checks client authentication before it looks at a JWT bearer grant is assertlint's inference.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwt-malformed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The parsing of the client_assertion failed.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_jwt",
                    note: "Okta's catalog entry for a client_assertion that does not parse; which parse failures produce it (rather than another client-assertion answer) is not documented.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT kid is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_kid",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-unknown": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT kid is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_kid",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "method-not-post": ServerAnswer(
                    status: 405,
                    error: "invalid_request",
                    errorDescription: nil,
                    verbatim: false,
                    source: nil,
                    note: "Okta's response to a GET (or other non-POST) request at /token, /introspect or /revoke is not documented and Okta's error catalog (oauth2-error-codes.json, release 2026.08.1) has no entry for it; the status is likely 405 Method Not Allowed, possibly 400 invalid_request. Okta's error_description for it is not known, so assertlint shows none.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "multiple-credentials": ServerAnswer(
                    status: 401,
                    error: "invalid_request",
                    errorDescription: "Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#multiple_client_credentials",
                    note: "Note the unusual pairing of invalid_request with HTTP 401, as Okta's catalog has it. One third-party report says a Basic header plus only `client_id` in a /par body also trips it; that is not confirmed by Okta, and assertlint does not report it.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_client",
                    note: "Okta does not document `nbf` in client assertions at all (okta-facts) and its catalog has no entry for it, so neither whether it is checked nor its error text is known. The text is Okta's generic client-authentication failure (the catalog's invalid_client entry); that Okta answers this case with it is assertlint's prediction, following RFC 7519.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "no-credentials": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "No client credentials found.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#missing_client_credentials",
                    note: "Okta's catalog entry for a request with no credential and nothing that names the client.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "client-named",
                            when: "`client_id` names the client",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                            note: "`client_id` names the client but no credential is sent: Okta's catalog answers a registered client that authenticates with another method than its own (here none) with this text (invalid_token_endpoint_auth_method), as Okta answered the forum report devforum.okta.com/t/25024."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "parameter-repeated": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "The request contained multiple parameters with the same name.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#duplicate_oauth_params",
                    note: "RFC 6749 forbids repeated parameters; the text is Okta's catalog entry for them (duplicate_oauth_params).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "scope-invalid-for-server": ServerAnswer(
                    status: 400,
                    error: "invalid_scope",
                    errorDescription: "Custom scopes are not allowed for this request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#illegal_custom_scope",
                    note: "This is Okta's answer for custom scopes at the Org authorization server. For Okta API scopes (okta.*) at a custom authorization server each finding carries Okta's catalog text no_matching_scope; for a client_credentials request without `scope`, no_default_scopes.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "api-scopes-at-custom-server",
                            when: "Okta API scopes (okta.*) requested from a custom authorization server",
                            status: 400,
                            error: "invalid_scope",
                            errorDescription: "One or more scopes are not configured for the authorization server resource.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#no_matching_scope",
                            note: "Okta's catalog entry for scopes a custom authorization server does not have (no_matching_scope)."
                        ),
                        AnswerVariant(
                            name: "no-scope",
                            when: "a client_credentials request without `scope`",
                            status: 400,
                            error: "invalid_scope",
                            errorDescription: "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#no_default_scopes",
                            note: "Okta's catalog entry for a request without `scope` to an authorization server without default scopes (no_default_scopes), also recorded (third-party) from a custom authorization server; that the Org server answers a client_credentials request without `scope` with it is assertlint's prediction."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "secret-too-short": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client secret is too short to verify a JWT HMAC.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_secret_length",
                    note: "Okta's documented minimum is 32 characters; the RFC 7518 hash-size minimum for HS384 (48) and HS512 (64) is assertlint's warning, which Okta may not enforce.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "signature-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion signature is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_signature",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "sub-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The subject claim for client_assertion is not a valid client_id.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_subject",
                    note: "Okta's catalog entry for a `sub` that is not a valid client_id. When `iss` and `sub` are both empty and no client_id parameter is sent, Okta is recorded answering `A client_id must be provided in the request.` (see client-id-missing).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ]
        ),
        ServerProfile(
            id: "okta-org",
            name: "Okta Org authorization server",
            shortName: "Okta",
            extends: "okta-custom",
            version: nil,
            sources: ["Okta's OAuth error catalog: okta/okta-developer-docs packages/@okta/vuepress-site/data/oauth2-error-codes.json, release 2026.08.1 (commit 468de9c)", "https://support.okta.com/help/s/article/client-credentials-requests-to-the-org-auithorization-server-must-use-the-private-key-jwt-token-endpoint-auth-method (K4)", "https://developer.okta.com/docs/guides/build-api-integration/main/ (D10: OIN API service integrations)"],
            recognise: ServerProfile.Recognition(
                hosts: ["*.okta.com", "*.oktapreview.com", "*.okta-emea.com", "*.okta-gov.com", "*.okta.mil", "*.okta-miltest.com", "*.trexcloud.com"],
                customDomains: true,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/oauth2/v1/{endpoint+}",
                        endpoint: "{endpoint}",
                        issuer: "{origin}"
                    ),
                ]
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "aud must be the absolute URL of the endpoint invoked, compared exactly; an array with one such member is accepted since 2022.08; the issuer is not accepted (the catalog text is unchanged from 2020.05.3 to 2026.08.1).",
                source: "oauth2-error-codes.json#client_assertion_invalid_audience"
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: 3600.0,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: "oauth2-error-codes.json#client_assertion_expires_too_far_in_future; https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/"
            ),
            jti: ServerProfile.JTIRules(
                required: false,
                singleUse: true,
                inferred: nil,
                source: "oauth2-error-codes.json#client_assertion_already_used"
            ),
            algorithms: ["client_secret_jwt": ["HS256", "HS384", "HS512"], "private_key_jwt": ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: true,
                sources: ["jwks", "jwks_uri"],
                inferred: nil,
                source: nil
            ),
            limits: ServerProfile.Limits(
                secretMinLength: 32,
                rsaMinBits: 2048,
                ecMinBits: nil,
                keysPerClient: 50,
                assertionMaxBytes: nil,
                claimMaxLength: nil,
                inferred: nil,
                source: "https://developer.okta.com/docs/guides/build-self-signed-jwt/ (secret length); Okta's app key management docs (2048-bit RSA minimum, 50 keys per client)"
            ),
            clientID: nil,
            grants: [
                "client_credentials": ServerProfile.GrantRules(
                    requiresAuthMethod: ["private_key_jwt"],
                    scopes: "okta_api_only",
                    scopePrefix: "okta.",
                    appTypes: [
                        "api-service-integration": ServerProfile.AppTypeRule(
                            requiresAuthMethod: ["private_key_jwt", "client_secret_basic"],
                            variant: "oauth-integration",
                            source: "D10; oauth2-error-codes.json#unsupported_auth_method_client_creds_oauth_integration"
                        ),
                    ],
                    note: nil,
                    source: "K4; oauth2-error-codes.json#unsupported_auth_method_client_creds"
                ),
                "http://auth0.com/oauth/grant-type/mfa-oob": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "http://auth0.com/oauth/grant-type/mfa-otp": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "interaction_code": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "urn:okta:params:oauth:grant-type:oob": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
                "urn:okta:params:oauth:grant-type:otp": ServerProfile.GrantRules(
                    requiresAuthMethod: nil,
                    scopes: nil,
                    scopePrefix: nil,
                    appTypes: nil,
                    note: nil,
                    source: nil
                ),
            ],
            console: ["client_secret_basic": "Client secret", "client_secret_jwt": "Client secret (signed JWT)", "client_secret_post": "Client secret", "none": "None (public client)", "private_key_jwt": "Public key / Private key"],
            messages: ["assertion-missing.introspect": ". Tokens from the Org authorization server are meant for Okta's own APIs; to validate access tokens for your own APIs, issue them from a custom authorization server (/oauth2/default or your own) and introspect them there", "aud-host-not-announced.hosts": "{own} is the Okta host, {custom} a custom URL domain", "aud-issuer-instead-of-endpoint.server": "the Org authorization server", "aud-issuer-instead-of-endpoint.server.default": "the default custom authorization server", "aud-mismatch.server": "the Org authorization server (/oauth2/v1)", "aud-mismatch.server.default": "the default custom authorization server (/oauth2/default)", "no-credentials.default-method": "Okta's default client authentication is client_secret_basic", "org-server-requires-private-key-jwt": "grant_type=client_credentials is sent to the Org authorization server ({endpoint}) and {how}; the Org server accepts client_credentials only with {methods}", "org-server-requires-private-key-jwt.other-server": "{origin}/oauth2/default/v1/token", "scope-invalid-for-server.api-scopes": "A custom authorization server cannot mint Okta API scopes, and the request asks for {scopes}", "scope-invalid-for-server.api-scopes.advice": "request Okta API scopes from the Org authorization server at {origin}/oauth2/v1/token (which requires private_key_jwt and an assertion with that `aud`), and only your own scopes here", "scope-invalid-for-server.no-scope": "The request asks the Org authorization server for a client_credentials token without `scope`; the Org server mints tokens only for the Okta API scopes (okta.*) granted to the app, and they must be requested", "scope-invalid-for-server.no-scope.advice": "add `scope` with the Okta API scopes granted to the app on its Okta API Scopes tab, for example `scope=okta.users.read`", "scope-invalid-for-server.other-scopes": "The Org authorization server mints only Okta API scopes (okta.*), and the request asks for {scopes}", "scope-invalid-for-server.other-scopes.advice": "to call your own API, request {scopes} from a custom authorization server at {origin}/oauth2/default/v1/token (or your own server's token URL, with `aud` set to it); at the Org server, request only okta.* scopes"],
            checkOrder: ServerProfile.CheckOrder(
                steps: [["method-not-post"], ["content-type-invalid"], ["parameter-repeated"], ["multiple-credentials"], ["authorization-scheme-invalid"], ["assertion-missing", "jwt-bearer-grant-for-client-auth", "no-credentials"], ["assertion-type-invalid"], ["assertion-type-missing"], ["jwt-malformed"], ["alg-none"], ["client-id-missing"], ["client-id-mismatch", "iss-mismatch", "sub-mismatch"], ["auth-method-mismatch"], ["aud-host-not-announced", "aud-mismatch"], ["aud-issuer-instead-of-endpoint"], ["aud-missing"], ["kid-missing", "kid-unknown"], ["alg-not-allowed"], ["signature-invalid"], ["secret-too-short"], ["claim-type-invalid"], ["exp-missing"], ["exp-expired"], ["exp-too-far"], ["iat-future"], ["nbf-future"], ["jti-reused"], ["org-server-requires-private-key-jwt"], ["scope-invalid-for-server"], ["grant-type-invalid"]]
            ),
            answers: [
                "alg-none": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT signature algorithm is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_signature_algorithm",
                    note: "The text, status and error are the entry of Okta's error catalog for an assertion whose signature algorithm Okta refuses. That Okta answers an unsigned (`alg: none`) assertion with it, rather than with its parse failure (client_assertion_invalid_jwt), is assertlint's prediction.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "alg-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT signature algorithm is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_signature_algorithm",
                    note: "Okta's catalog entry for an assertion signed with an algorithm Okta does not accept for the client.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                    note: "Okta's catalog files this text under invalid_token_endpoint_auth_method: the request names a client (`client_id`) whose app is registered for a signed JWT but authenticates another way, here not at all. It is the answer quoted in the forum report of an introspect call with only `client_id` from a private_key_jwt service app (devforum.okta.com/t/25024).",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "client-not-named",
                            when: "nothing in the request names the client (no client_id, no Basic header)",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "No client credentials found.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#missing_client_credentials",
                            note: "Nothing in the request names the client (no `client_id`, no Basic header), so Okta cannot look the client up and answers as for a request without any credential (missing_client_credentials in Okta's catalog)."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "The client_assertion_type is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_type_invalid",
                    note: "Okta's catalog has it as 400 invalid_request; its 2020.05.3 version had 401 invalid_client (the status changed in release 2022.01.2, OKTA-456503).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "No client credentials found.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#missing_client_credentials",
                    note: "The text is Okta's (missing_client_credentials); its use for this case is inferred. Okta documents no answer for a client_assertion without client_assertion_type: it most likely ignores the assertion and answers as for a request without credentials, or, when `client_id` names the client, as for a client that authenticates with the wrong method; it may answer \"The client_assertion_type is invalid.\" (400 invalid_request) instead.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "client-named",
                            when: "`client_id` names the client",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                            note: "`client_id` names the client, which then presents no credential Okta reads; Okta's catalog answers a registered client that authenticates with another method than its own with this text (invalid_token_endpoint_auth_method). That Okta ignores an untyped client_assertion is assertlint's inference."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "aud-host-not-announced": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: "How Okta treats an aud on the okta.com host for a request sent to a custom URL domain (or the reverse) is not documented; assertlint assumes aud must name the host the request is sent to.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-issuer-instead-of-endpoint": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: "Nothing public shows Okta accepting the issuer as `aud`: this text is unchanged in its catalog from 2020.05.3 to 2026.08.1.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The audience claim for client_assertion must be the endpoint invoked for the request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                    note: "The text is Okta's catalog entry for a wrong `aud`; that Okta gives the same answer when `aud` is absent or empty is assertlint's prediction (no source shows a missing `aud`).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "auth-method-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                    note: "Okta's catalog files this text under invalid_token_endpoint_auth_method: a registered client that authenticates with another method than its token_endpoint_auth_method. Whether a client-secret app may authenticate with client_secret_jwt is not documented.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "jwks-not-configured",
                            when: "an RS/ES-signed assertion from an app with no registered public key",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "The client does not have a JWKSet configured, but the client_assertion requires one.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#client_assertion_jwks_not_configured",
                            note: "Okta's catalog entry for an RS/ES-signed assertion from an app without a registered public key (also recorded by Okta's own SDK integration tests)."
                        ),
                        AnswerVariant(
                            name: "no-secret",
                            when: "an HS-signed assertion from an app without a client secret",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "The issuer and subject claim for client_assertion is invalid because the client does not have a client secret.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#client_assertion_invalid_no_secret",
                            note: "Okta's catalog entry for an HS-signed assertion from an app that has no client secret."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "authorization-scheme-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Found Authentication header but was not valid client credentials.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_basic_auth_creds",
                    note: "Okta documents only Basic for client credentials in the Authorization header. The text is Okta's catalog entry for an Authorization header that does not carry valid client credentials (invalid_basic_auth_creds); that Okta gives it for another scheme (Bearer), rather than its generic \"Client authentication failed.\" text, is assertlint's prediction.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "claim-type-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_client",
                    note: "How Okta treats claims of the wrong type is not documented. The text is Okta's generic client-authentication failure (the catalog's invalid_client entry); that Okta answers with it is assertlint's prediction.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "exp",
                            when: "`exp` is not a number",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "The client_assertion must contain the 'exp' claim as seconds since epoch.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#client_assertion_expiration_required",
                            note: "Okta's catalog entry for an assertion without a usable `exp`, which it words as \"seconds since epoch\"; whether Okta accepts a NumericDate written as a string (as Okta's own service-app guide shows, `\"exp\": \"1614664267\"`) is unknown (okta-facts note 9)."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "client-id-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: nil,
                    note: "Okta's answer when the client_id parameter (or the Basic user) differs from the assertion's sub or from the app is not documented, and Okta's error catalog (oauth2-error-codes.json, release 2026.08.1) has no entry for it (its invalid_client_id, \"Invalid value for 'client_id' parameter.\", is for a client_id Okta does not know). Okta's error_description for it is not known, so assertlint shows none.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "A client_id must be provided in the request.",
                    verbatim: false,
                    source: nil,
                    note: "Verbatim from a recorded response (an assertion with empty iss and sub, no client_id parameter) made through a proxy in front of an Okta org (department-of-veterans-affairs/vets-api test cassettes), not from Okta's docs; Okta's error catalog (oauth2-error-codes.json, release 2026.08.1) has no entry for it. The same text has also been seen in Okta's API error shape (errorCode/errorSummary).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "content-type-invalid": ServerAnswer(
                    status: 400,
                    error: "E0000021",
                    errorDescription: "Bad request. Accept and/or Content-Type headers likely do not match supported values.",
                    verbatim: false,
                    source: nil,
                    note: "Seen verbatim in a third-party report of an Okta response to a JSON body (Kong/volcano-agent-sdk#21), not in Okta's docs. It comes back in Okta's API error shape (errorCode/errorSummary), not as an OAuth error, so Okta's OAuth error catalog (oauth2-error-codes.json) does not hold it.",
                    apiErrorShape: true,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-expired": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token is expired.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_expired_token",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion must contain the 'exp' claim as seconds since epoch.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_expiration_required",
                    note: "Okta's catalog entry for an assertion without `exp` (or whose `exp` is not seconds since epoch).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-too-far": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token has an expiration too far into the future.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_expires_too_far_in_future",
                    note: "Okta's workshop blog shows this text without the final period; Okta's catalog has it with one.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "grant-type-invalid": ServerAnswer(
                    status: 400,
                    error: "unsupported_grant_type",
                    errorDescription: nil,
                    verbatim: false,
                    source: nil,
                    note: "Okta's catalog words these answers with the server's own list of grant types (unsupported_grant_type: \"The authorization grant type is not supported by the authorization server. Configured grant types: [...]\"; token_request_missing_grant_type, 400 invalid_request: \"The token request must specify a 'grant_type'. Valid values: [...]\"), which assertlint does not know, so it shows no error_description.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "missing",
                            when: "the token request has no grant_type",
                            status: 400,
                            error: "invalid_request",
                            errorDescription: nil,
                            verbatim: false,
                            source: nil,
                            note: "Okta's catalog answers a token request without grant_type with 400 invalid_request (token_request_missing_grant_type), worded with the server's list of grant types (\"The token request must specify a 'grant_type'. Valid values: [...]\"), which assertlint does not know, so it shows no error_description."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "iat-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token must be issued before the current time.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_issued_at_in_future",
                    note: "Okta's catalog entry for an `iat` after the time Okta receives the request; how much clock skew Okta tolerates is not documented.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iss-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The issuer claim for client_assertion is not a valid client_id.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_issuer",
                    note: "Okta's catalog entry for an `iss` that is not a valid client_id. When `iss` and `sub` are both empty and no client_id parameter is sent, Okta is recorded answering `A client_id must be provided in the request.` (see client-id-missing).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-reused": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion token has already been used.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_already_used",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwt-bearer-grant-for-client-auth": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "No client credentials found.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#missing_client_credentials",
                    note: "The text is Okta's catalog entry for a request without client credentials (missing_client_credentials); that Okta checks client authentication before it looks at a JWT bearer grant is assertlint's inference.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwt-malformed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The parsing of the client_assertion failed.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_jwt",
                    note: "Okta's catalog entry for a client_assertion that does not parse; which parse failures produce it (rather than another client-assertion answer) is not documented.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT kid is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_kid",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-unknown": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion JWT kid is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_kid",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "method-not-post": ServerAnswer(
                    status: 405,
                    error: "invalid_request",
                    errorDescription: nil,
                    verbatim: false,
                    source: nil,
                    note: "Okta's response to a GET (or other non-POST) request at /token, /introspect or /revoke is not documented and Okta's error catalog (oauth2-error-codes.json, release 2026.08.1) has no entry for it; the status is likely 405 Method Not Allowed, possibly 400 invalid_request. Okta's error_description for it is not known, so assertlint shows none.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "multiple-credentials": ServerAnswer(
                    status: 401,
                    error: "invalid_request",
                    errorDescription: "Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#multiple_client_credentials",
                    note: "Note the unusual pairing of invalid_request with HTTP 401, as Okta's catalog has it. One third-party report says a Basic header plus only `client_id` in a /par body also trips it; that is not confirmed by Okta, and assertlint does not report it.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#invalid_client",
                    note: "Okta does not document `nbf` in client assertions at all (okta-facts) and its catalog has no entry for it, so neither whether it is checked nor its error text is known. The text is Okta's generic client-authentication failure (the catalog's invalid_client entry); that Okta answers this case with it is assertlint's prediction, following RFC 7519.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "no-credentials": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "No client credentials found.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#missing_client_credentials",
                    note: "Okta's catalog entry for a request with no credential and nothing that names the client.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "client-named",
                            when: "`client_id` names the client",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "Client authentication failed. Either the client or the client credentials are invalid.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#invalid_token_endpoint_auth_method",
                            note: "`client_id` names the client but no credential is sent: Okta's catalog answers a registered client that authenticates with another method than its own (here none) with this text (invalid_token_endpoint_auth_method), as Okta answered the forum report devforum.okta.com/t/25024."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "org-server-requires-private-key-jwt": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#unsupported_auth_method_client_creds",
                    note: nil,
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "oauth-integration",
                            when: "an OIN API service integration (--app-type api-service-integration) that authenticates with neither private_key_jwt nor client_secret_basic",
                            status: 401,
                            error: "invalid_client",
                            errorDescription: "OAuth Integration Client Credentials requests to the Org Authorization Server must use either private_key_jwt or client_secret_basic as the token_endpoint_auth_method.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#unsupported_auth_method_client_creds_oauth_integration",
                            note: "Okta's catalog entry for an OAuth integration (an OIN API service integration) that sends client_credentials to the Org authorization server with another method; its status and error are taken from the catalog entry (401 invalid_client)."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "parameter-repeated": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "The request contained multiple parameters with the same name.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#duplicate_oauth_params",
                    note: "RFC 6749 forbids repeated parameters; the text is Okta's catalog entry for them (duplicate_oauth_params).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "scope-invalid-for-server": ServerAnswer(
                    status: 400,
                    error: "invalid_scope",
                    errorDescription: "Custom scopes are not allowed for this request.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#illegal_custom_scope",
                    note: "This is Okta's answer for custom scopes at the Org authorization server. For Okta API scopes (okta.*) at a custom authorization server each finding carries Okta's catalog text no_matching_scope; for a client_credentials request without `scope`, no_default_scopes.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: "api-scopes-at-custom-server",
                            when: "Okta API scopes (okta.*) requested from a custom authorization server",
                            status: 400,
                            error: "invalid_scope",
                            errorDescription: "One or more scopes are not configured for the authorization server resource.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#no_matching_scope",
                            note: "Okta's catalog entry for scopes a custom authorization server does not have (no_matching_scope)."
                        ),
                        AnswerVariant(
                            name: "no-scope",
                            when: "a client_credentials request without `scope`",
                            status: 400,
                            error: "invalid_scope",
                            errorDescription: "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
                            verbatim: true,
                            source: "oauth2-error-codes.json#no_default_scopes",
                            note: "Okta's catalog entry for a request without `scope` to an authorization server without default scopes (no_default_scopes), also recorded (third-party) from a custom authorization server; that the Org server answers a client_credentials request without `scope` with it is assertlint's prediction."
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "secret-too-short": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client secret is too short to verify a JWT HMAC.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_secret_length",
                    note: "Okta's documented minimum is 32 characters; the RFC 7518 hash-size minimum for HS384 (48) and HS512 (64) is assertlint's warning, which Okta may not enforce.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "signature-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client_assertion signature is invalid.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_signature",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "sub-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The subject claim for client_assertion is not a valid client_id.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_invalid_subject",
                    note: "Okta's catalog entry for a `sub` that is not a valid client_id. When `iss` and `sub` are both empty and no client_id parameter is sent, Okta is recorded answering `A client_id must be provided in the request.` (see client-id-missing).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ]
        ),
        ServerProfile(
            id: "rfc7523",
            name: "OAuth 2.0 authorization server (RFC 7523)",
            shortName: "the server",
            extends: nil,
            version: nil,
            sources: ["RFC 7523 section 3 (aud identifies the authorization server; the token endpoint URL may be used)", "RFC 7518 section 3.3 (RSA keys of 2048 bits or more) and 3.2 (HMAC keys at least the hash size)"],
            recognise: nil,
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer", "token_endpoint", "endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "RFC 7523 §3: aud identifies the authorization server; the token endpoint URL may be used.",
                source: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: nil
            ),
            jti: ServerProfile.JTIRules(
                required: false,
                singleUse: nil,
                inferred: nil,
                source: nil
            ),
            algorithms: nil,
            keys: nil,
            limits: ServerProfile.Limits(
                secretMinLength: nil,
                rsaMinBits: 2048,
                ecMinBits: nil,
                keysPerClient: nil,
                assertionMaxBytes: nil,
                claimMaxLength: nil,
                inferred: nil,
                source: "RFC 7518 section 3.3"
            ),
            clientID: nil,
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: nil
        ),
    ]
}
