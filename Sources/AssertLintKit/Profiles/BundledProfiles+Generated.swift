// Generated from Profiles/*.yaml by `scripts/generate`. Do not edit.
// swiftlint:disable all
enum BundledProfiles {
    static let all: [ServerProfile] = [
        ServerProfile(
            id: "auth0",
            name: "Auth0",
            shortName: nil,
            extends: nil,
            version: nil,
            sources: ["A1: auth0/docs-v2 main/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt.mdx (https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt)", "A2: auth0/docs-v2 …/applications/configure-private-key-jwt.mdx", "A3: auth0/docs-v2 …/applications/configure-fapi-compliance.mdx", "A4: Auth0 changelog 2025-10-10 `Audience Validation for Private Key JWT Client Authentication` (https://releases.sh/release/rel_kAPXTX1VrwcdMqAjP7cjh)", "A5: https://community.auth0.com/t/invalid-client-error-with-private-key-jwt-authentication-when-requesting-an-access-token/191217", "/work/shared/servers-facts.md section 3 (and section 9 item 1)", "algorithms: A2: `Supported values are RS256, RS384 and PS256`"],
            recognise: ServerProfile.Recognition(
                hosts: ["*.auth0.com"],
                customDomains: nil,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/oauth/token",
                        endpoint: "token",
                        issuer: "{origin}/"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}/"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth/par",
                        endpoint: "par",
                        issuer: "{origin}/"
                    ),
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer", "endpoint"],
                deprecated: ["endpoint"],
                array: "deprecated",
                maxValues: nil,
                rejectsTenants: nil,
                note: "The issuer with its trailing slash (https://{tenant}.auth0.com/). Endpoint URLs and arrays (holding the issuer or an endpoint URL) deprecated since 2025-10-10: `at a future date will cause the service to consider such JWT assertions invalid`; then `only a tenant's issuer identifier as a single JSON string value` (A4). No enforcement date is public.",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: 300.0,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: 10.0,
                expClockSkew: 0.0,
                iatChecked: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: .byKey(["exp_clock_skew": "A1 documents the 10 s for iat and nbf only; exp is judged without skew here", "exp_required": "the 5-minute cap is on exp - iat, so exp is needed"]),
                source: "A1 (`A clock skew of up to 10 seconds is allowed for iat and nbf (if present)`; `Auth0 supports a maximum of 5 minutes for the lifetime`); A5 log text"
            ),
            jti: ServerProfile.JTIRules(
                required: true,
                singleUse: true,
                inferred: nil,
                source: "A1 (one-time use, at most 64 characters, a UUID recommended)"
            ),
            algorithms: ["private_key_jwt": ["RS256", "RS384", "PS256"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: false,
                sources: ["certificate"],
                inferred: .byKey(["lookup": "the selection among at most two credentials is not documented"]),
                source: "A2 (kid optional; credentials are PEM public keys or X.509 certificates)"
            ),
            limits: ServerProfile.Limits(
                secretMinLength: nil,
                rsaMinBits: nil,
                ecMinBits: nil,
                keysPerClient: 2,
                assertionMaxBytes: 2048,
                claimMaxLength: ["iss": 64, "jti": 64, "sub": 64],
                inferred: nil,
                source: "A1, A2"
            ),
            clientID: ServerProfile.ClientIDRules(
                requiredInBody: false,
                source: "A1 (the sample request has no client_id)"
            ),
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: [
                "aud-array-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "A4",
                    note: "Accepted today, deprecated since 2025-10-10 (arrays holding the issuer or an endpoint URL); once enforced, the answer is invalid_client with a text not published.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-endpoint-instead-of-issuer": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "A4",
                    note: "Accepted today, deprecated since 2025-10-10; once enforced, the answer is invalid_client with a text not published.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "A1 (aud: the tenant or custom domain URL with its trailing slash); A5 (the client sees invalid_client)",
                    note: "The reason is only in the tenant log; the response's error_description is not known.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "A5",
                    note: "Auth0 answers invalid_client; the reason is only in the tenant log (`Failed client authentication`).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "lifetime-too-long": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "A5",
                    note: "The tenant log says `'exp' claim must specify a time that is no more than 5 minutes after 'iat'` (A5, verbatim, field client_authentication_error); the response's error_description is not known.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["The client sees `invalid_client`; the reason is only in the tenant log (log type `Failed Exchange (feccft)`, description `Failed client authentication`, field `client_authentication_error`) (A5). No client-visible error_description is known: every answer below says so.", "HTTP status 401 for invalid_client is inferred; the sources do not show the status line.", "aud: the tenant issuer with its trailing slash, or the custom domain's (A1: `Include the trailing slash.`). Since 2025-10-10 a single endpoint-URL string and any array (holding the issuer or an endpoint URL) are deprecated and `at a future date will cause the service to consider such JWT assertions invalid` (A4); the enforcement date was published only as a dashboard notice. After it, Auth0 accepts `only a tenant's issuer identifier as a single JSON string value` (A4): the array rule below is today's.", "FAPI 2.0 level `fapi2_sp_pkj_mtls`: `Requires aud claim to strictly match issuer in Private Key JWT assertion.` (A3); FAPI levels return only OIDC-conformant error codes.", "Clock skew: `A clock skew of up to 10 seconds is allowed for iat and nbf (if present)` (A1): it is documented for iat and nbf, not for exp.", "Lifetime: `Auth0 supports a maximum of 5 minutes for the lifetime`, 1 minute or less recommended (A1).", "Credentials: a PEM public key or an X.509 certificate, at most 2 per application, optional expiry; the alg must match the credential's (A2). Enterprise plan only. Auth0 generates the credential's kid as the RFC 7638 JWK thumbprint (A2).", "`alg` at most 16 characters (A1).", "Endpoints that take the assertion: /oauth/token, /oauth/revoke, /mfa/challenge, /passwordless/start (A1); /oauth/par presumably (inferred). The sample request sends no client_id (A1). Sending client_secret as well as client_assertion is refused (A1 mirror text, inferred).", "With a custom domain the host gives no hint; the /oauth/token path and an issuer with a trailing slash do (not used for recognition here)."],
            discovery: nil
        ),
        ServerProfile(
            id: "entra",
            name: "Microsoft Entra ID",
            shortName: nil,
            extends: nil,
            version: nil,
            sources: ["E1: https://learn.microsoft.com/entra/identity-platform/certificate-credentials (MicrosoftDocs/entra-docs docs/identity-platform/certificate-credentials.md @79736bd)", "E2: MicrosoftDocs/entra-docs docs/identity-platform/reference-error-codes.md @04f6554", "E3: AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Common/Core/Mocks/MockHelpers.cs (responses recorded from ESTS 2023-12-11/12)", "E4: Azure SDK sdk/identity/azure-identity/TROUBLESHOOTING.md", "/work/shared/servers-facts.md section 2 (and section 9, items 4 and 7)", "algorithms: E1 (PS256 on learn.microsoft.com, RS256 in entra-docs @79736bd); E3 AADSTS5002738 lists RS256,RS384,RS512"],
            recognise: ServerProfile.Recognition(
                hosts: ["login.microsoftonline.com", "login.microsoftonline.us", "login.partner.microsoftonline.cn", "*.ciamlogin.com", "*.b2clogin.com"],
                customDomains: nil,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/{tenant}/oauth2/v2.0/token",
                        endpoint: "token",
                        issuer: "{origin}/{tenant}/v2.0"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/{tenant}/oauth2/token",
                        endpoint: "token",
                        issuer: "https://sts.windows.net/{tenant}/"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/{tenant}/{policy}/oauth2/v2.0/token",
                        endpoint: "token",
                        issuer: "{origin}/{tenant}/{policy}/v2.0"
                    ),
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["realm"],
                deprecated: nil,
                array: "one_member",
                maxValues: 1,
                rejectsTenants: ["common", "organizations", "consumers"],
                note: "Same host and tenant as the URL called (E1 documents https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token; the v1 URL is in wide use), one value, never common/organizations/consumers (Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2#213, microsoft-identity-web#16). Whether a one-member array passes is inferred from AADSTS5002741 counting values.",
                source: nil,
                inferred: .byKey(["accepts": "realm (host + tenant) inferred from the wording `does not match Realm issuer`", "array": "one_member inferred: AADSTS5002741 counts audience values; a one-member array was not seen"])
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                expClockSkew: nil,
                iatChecked: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: .byKey(["exp_required": "E3's AADSTS700024 example shows `expiry time of assertion 1970-01-01T00:00:00`, what a missing exp looks like"]),
                source: nil
            ),
            jti: ServerProfile.JTIRules(
                required: true,
                singleUse: false,
                inferred: .byKey(["required": "E1 lists jti as a claim to send; no error for a missing jti was found", "single_use": "no replay error found; Azure CLI replays one federated assertion for minutes"]),
                source: "E1 (jti: a GUID)"
            ),
            algorithms: ["client_secret_jwt": [], "private_key_jwt": ["PS256", "RS256", "RS384", "RS512"]],
            keys: ServerProfile.KeyRules(
                lookup: ["x5t#S256", "x5t"],
                kidRequiredWithSeveralKeys: false,
                sources: ["certificate"],
                inferred: nil,
                source: "E1; AADSTS5002723 (E3)"
            ),
            limits: nil,
            clientID: ServerProfile.ClientIDRules(
                requiredInBody: true,
                source: "AADSTS900144 (many reports)"
            ),
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: [
                "alg-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS5002738: Invalid JWT token. '{alg}' is not a supported signature algorithm. Supported signing algorithms are: 'RS256,RS384,RS512'",
                    verbatim: true,
                    source: "E3 (recorded with alg HS256 at the mtls endpoint)",
                    note: "{alg} is the header's alg; the recorded response names HS256. The list printed at the ordinary endpoint may include PS256 (not seen).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
                    verbatim: true,
                    source: "E3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700023: Client assertion audience claim does not match Realm issuer.",
                    verbatim: true,
                    source: "servers-facts.md 2a and 9.7 (code 50012 in 2017, 700023 now)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS90014: The required field 'aud' is missing from the credential. Ensure that you have all the necessary parameters for the login request.",
                    verbatim: true,
                    source: "E3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-multiple-values": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS5002741: Number of audience values in the provided client credential exceed maximum allowed. 2 audience values provided, maximum allowed is 1.",
                    verbatim: true,
                    source: "verbatim-3p: zitadel/oidc#887, jkroepke/openvpn-auth-oauth2#857 (2026)",
                    note: "The count (2) is the report's; it is the number of values sent.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: nil,
                            when: "2021 (panva/openid-client#348)",
                            status: nil,
                            error: nil,
                            errorDescription: "AADSTS50027: JWT token is invalid or malformed.",
                            verbatim: nil,
                            source: nil,
                            note: nil
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "aud-tenant-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700023: Client assertion audience claim does not match Realm issuer.",
                    verbatim: true,
                    source: "servers-facts.md 2a; /common fails: Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2#213, microsoft-identity-web#16",
                    note: "That another tenant or common/organizations/consumers gets 700023 is inferred from the realm wording; the reports show the failure, not always the code.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "auth-method-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
                    verbatim: false,
                    source: "E2 (table row `AADSTS700025 | InvalidClientPublicClientWithCredential - …`)",
                    note: "Only for a public client that sends a credential; E2's table description, no response seen.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "certificate-expired": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700027: [Reason - The key used is expired., Thumbprint of key used by client: '{thumbprint}', Found key 'Start={start}, End={end}']",
                    verbatim: false,
                    source: "servers-facts.md 2f",
                    note: "Only the bracketed reason is sourced (`[Reason - The key used is expired., …, Found key 'Start=…, End=…']`); the sentence before it is not known.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .",
                    verbatim: true,
                    source: "E3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "AADSTS900144: The request body must contain the following parameter: 'client_id'.",
                    verbatim: true,
                    source: "verbatim-3p, many reports (servers-facts.md 2g)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "E2",
                    note: "Entra answers each failure with its own AADSTS code and sentence; none is known for this check.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-expired": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700024: Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion {exp}.",
                    verbatim: true,
                    source: "E3",
                    note: "{now}, {nbf}, {exp} stand for the server's timestamps; the text continues with `Review the documentation at …`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700024: Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion 1970-01-01T00:00:00.",
                    verbatim: false,
                    source: "E3",
                    note: "Inferred: E3's 700024 example shows an expiry of 1970-01-01T00:00:00, what a missing exp looks like.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iss-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS50048: Subject mismatches Issuer claim in the client assertion.",
                    verbatim: false,
                    source: "E2",
                    note: "E2's table description; when iss and sub both differ from client_id, AADSTS700021 is the likelier answer (inferred).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwks-not-configured": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}'",
                    verbatim: false,
                    source: "servers-facts.md 2f",
                    note: "Inferred: an app with no certificate registered finds no key for any thumbprint.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwt-malformed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS50027: JWT token is invalid or malformed.",
                    verbatim: true,
                    source: "verbatim-3p: panva/openid-client#348",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700024: Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion {exp}.",
                    verbatim: true,
                    source: "E3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "no-credentials": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
                    verbatim: true,
                    source: "E3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "signature-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700027: Client assertion failed signature validation.",
                    verbatim: false,
                    source: "E2 (short form of 700027)",
                    note: "E2's table description for 700027; responses seen carry the longer `[Reason - …]` texts.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "sub-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS50048: Subject mismatches Issuer claim in the client assertion.",
                    verbatim: false,
                    source: "E2 (table row `AADSTS50048 | SubjectMismatchesIssuer - Subject mismatches Issuer claim in the client assertion.`)",
                    note: "The text is E2's table description; a response carrying it was not seen.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "x5t-encoding-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}'",
                    verbatim: true,
                    source: "open-webui/oikb#120 (SHA-256 in x5t), ADAL.NET#309 (base64url of the hex), azure-docs#40871 (standard base64)",
                    note: "An ill-encoded thumbprint decodes to bytes that name no certificate, so the answer is 700027's `The key was not found.`; the thumbprint printed is whatever the server decoded.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "x5t-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}'",
                    verbatim: true,
                    source: "msal-js#8339, open-webui/oikb#120 (2025-2026 wording)",
                    note: "{thumbprint} is the upper-case hex of the digest the server decoded from the header; the text goes on to point at the Azure Portal / MS Graph for the app's configured keys.",
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: nil,
                            when: "2021 (msal-js#3741)",
                            status: nil,
                            error: nil,
                            errorDescription: "AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{client_id}'.",
                            verbatim: nil,
                            source: nil,
                            note: nil
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
                "x5t-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "AADSTS5002723: Invalid JWT token. No certificate SHA-1 thumbprint, certificate SHA-256 thumbprint, nor keyId specified in token header.",
                    verbatim: true,
                    source: "E3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: [
                        AnswerVariant(
                            name: nil,
                            when: "older servers (MSAL.NET#124)",
                            status: nil,
                            error: nil,
                            errorDescription: "AADSTS50027: Invalid JWT token. No certificate thumbprint specified in token header.",
                            verbatim: nil,
                            source: nil,
                            note: nil
                        ),
                    ],
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: "AADSTS",
            notes: ["Every error_description is matched on its `AADSTS<code>:` prefix only. A real response appends ` Trace ID: … Correlation ID: … Timestamp: …` and carries `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`; Microsoft says apps that depend on the text or the code numbers will break over time (E2).", "HTTP status: 401 for invalid_client and 400 for invalid_request are inferred from the error codes; the sources quote bodies, not status lines.", "aud: a realm check is inferred from the wording `does not match Realm issuer` (code 50012 in 2017, 700023 now). Microsoft documents the v2 token URL (E1) and its own example decodes to the v1 URL with a tenant domain; so a v1-vs-v2 difference under the right host and tenant is at most a warning, a wrong host, tenant, array of two or `common` is an error (servers-facts.md section 9 item 4).", "aud host: it must be the host called: aud `sts.windows.net/{tenant}` sent to login.microsoftonline.com fails (MSAL.NET#3352, maintainer).", "aud case: the docs once printed `V2.0` and were corrected (azure-docs#96050, #96881); whether the server compares the path case-insensitively is not known.", "The v1 issuer `https://sts.windows.net/{tenant}/` is the public cloud's; the v1 issuers of the national clouds and the B2C/CIAM issuers are not in the sources (the B2C and CIAM issuer templates below are inferred).", "Keys: Entra finds the certificate by the header's `x5t#S256` or `x5t` (base64url of the raw SHA-256 / SHA-1 digest of the DER), not by `kid`; its error text also names a keyId (AADSTS5002723). Which header wins when both are sent is not documented. MSAL sends `x5t#S256` with PS256 and `x5t` with RS256 (msal-js PR #7185, #7200; MSAL.NET#4428); ADFS still wants SHA-1 (msal-python PR #867).", "Keys can also be found by subject name + issuer (SNI) with `x5c` in the header (msal-js#3741, azure-sdk-for-js#9985).", "Typical causes of AADSTS700027: a SHA-256 digest in `x5t` (open-webui/oikb#120, entra-docs#1607), the hex thumbprint base64url-encoded instead of the raw bytes (ADAL.NET#309), standard base64 instead of base64url (azure-docs#40871), `x5t#S256` where the tenant expected `x5t` (entra-docs#1301).", "Lifetime: `Microsoft Entra ID doesn't place restrictions on the exp time currently` (E1); E1 advises exp 5-10 minutes after nbf. Clock skew is not documented.", "jti: E1 asks for a GUID; no replay error was found, and Azure CLI replays one federated assertion for minutes (inferred: not single-use).", "Most public AADSTS700024 reports are federated assertions (GitHub/Kubernetes OIDC tokens with aud `api://AzureADTokenExchange`), not certificate assertions.", "Not recognised here: the mTLS endpoint host mtlsauth.microsoft.com seen in E3 (its issuer and paths are not in the sources).", "No check order is documented; none is given.", "algorithms.client_secret_jwt is inferred: E3: HS256 is refused (`'HS256' is not a supported signature algorithm`, mtls endpoint); Entra documents certificates, not secrets, for client assertions"],
            discovery: nil
        ),
        ServerProfile(
            id: "fapi2",
            name: "FAPI 2.0 authorization server",
            shortName: nil,
            extends: nil,
            version: "FAPI 2.0 Security Profile Final (approved 2025-02-22)",
            sources: ["openid/fapi fapi-2_0-security-profile.md (FAPI 2.0 Security Profile Final, approved 2025-02-22; openid.net implementers guide 2025-03-20)", "/work/shared/servers-facts.md section 6 (and section 9 item 2)", "algorithms: FAPI 2.0 SP §5.4 (EdDSA with Ed25519 only)"],
            recognise: nil,
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer"],
                deprecated: nil,
                array: "forbidden",
                maxValues: 1,
                rejectsTenants: nil,
                note: "The issuer identifier as a JSON string; an array, even of one member, is rejected.",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                expClockSkew: nil,
                iatChecked: nil,
                iatFutureTolerance: 10.0,
                iatFutureReject: 60.0,
                inferred: nil,
                source: "FAPI 2.0 SP §5.3.2.1 item 13; RFC 7523 section 3 (exp MUST)"
            ),
            jti: ServerProfile.JTIRules(
                required: true,
                singleUse: true,
                inferred: nil,
                source: "OpenID Connect Core §9, which FAPI 2.0 client authentication uses"
            ),
            algorithms: ["private_key_jwt": ["PS256", "ES256", "EdDSA"]],
            keys: nil,
            limits: ServerProfile.Limits(
                secretMinLength: nil,
                rsaMinBits: 2048,
                ecMinBits: 224,
                keysPerClient: nil,
                assertionMaxBytes: nil,
                claimMaxLength: nil,
                inferred: nil,
                source: "FAPI 2.0 SP §5.4"
            ),
            clientID: nil,
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: [
                "aud-array-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "FAPI 2.0 SP §5.3.2.1 item 8; RFC 6749 section 5.2",
                    note: "Required rejection; no text defined.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-endpoint-instead-of-issuer": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "FAPI 2.0 SP §5.3.2.1 item 8; RFC 6749 section 5.2",
                    note: "The profile requires rejection and gives no text: the error_description is each server's own (RFC 6749 section 5.2 gives the status and error).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "FAPI 2.0 SP §5.3.2.1 item 8; RFC 6749 section 5.2",
                    note: "The profile requires rejection and gives no text: the error_description is each server's own (RFC 6749 section 5.2 gives the status and error).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "RFC 6749 section 5.2",
                    note: "The profile requires rejection and gives no text: the error_description is each server's own (RFC 6749 section 5.2 gives the status and error).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iat-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "FAPI 2.0 SP §5.3.2.1 item 13; RFC 6749 section 5.2",
                    note: "Required only beyond 60 s ahead; up to 10 s must be accepted.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "FAPI 2.0 SP §5.3.2.1 item 13; RFC 6749 section 5.2",
                    note: "The profile requires rejection and gives no text: the error_description is each server's own (RFC 6749 section 5.2 gives the status and error).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["aud: §5.3.2.1 AS item 8 `shall only accept its issuer identifier value (as defined in [RFC8414]) as a string in the aud claim received in client authentication assertions`; §5.3.3.1 client item 5 `The issuer identifier value shall be sent as a string not as an item in an array`. Implementations cite it as 5.3.2.1-8 (OpenIddict, erlef/oidcc, thunder-id PR #4220). ID2 allowed arrays and recommended also accepting the token endpoint URL (bitbucket openid/fapi#581, #579).", "Time: §5.3.2.1 item 13 `shall accept JWTs with an iat or nbf timestamp between 0 and 10 seconds in the future but shall reject JWTs with an iat or nbf timestamp greater than 60 seconds in the future` (note: `Some ecosystems have found that the value of 30 seconds is needed`). Between 10 and 60 s the server may do either.", "jti: required through OpenID Connect Core §9 (servers-facts.md §6 table).", "JWKS: `should not serve a JWK set with multiple keys with the same kid` (§5.4).", "Cryptography (§5.4): PS256, ES256, EdDSA with Ed25519; no none; RSA at least 2048 bits, EC at least 224 bits.", "No server text: the profile names checks, not error descriptions; RFC 6749 §5.2 gives invalid_client.", "node-oidc-provider's FAPI 2.0 mode applies this aud rule by strict equality (logged detail `audience (aud) must equal the issuer identifier url`); Auth0's FAPI 2 level `Requires aud claim to strictly match issuer in Private Key JWT assertion.`"],
            discovery: nil
        ),
        ServerProfile(
            id: "keycloak",
            name: "Keycloak",
            shortName: nil,
            extends: nil,
            version: "26.4+",
            sources: ["keycloak/keycloak services/src/main/java/org/keycloak/authentication/authenticators/client/AbstractBaseJWTValidator.java @547ad2d (checked for this file) and @1353f6b", "keycloak/keycloak services/.../authenticators/client/AbstractJWTClientValidator.java @110a624 (checked for this file)", "keycloak/keycloak services/.../authenticators/client/JWTClientValidator.java @898fdedc, JWTClientAuthenticator.java @6db5f79 (both checked for this file)", "keycloak/keycloak authentication/AuthenticationProcessor.java (handleClientAuthException), keys/loader/ClientPublicKeyLoader.java, crypto/PublicKeysWrapper.java", "/work/shared/servers-facts.md section 1", "algorithms: ClientSignatureVerifierProvider.isAsymmetricAlgorithm (any asymmetric alg for private_key_jwt)"],
            recognise: ServerProfile.Recognition(
                hosts: nil,
                customDomains: nil,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/token",
                        endpoint: "token",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/token/introspect",
                        endpoint: "introspect",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/auth/device",
                        endpoint: "device/authorize",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/ext/par/request",
                        endpoint: "par",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/ext/ciba/auth",
                        endpoint: "bc/authorize",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/certs",
                        endpoint: "keys",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/token",
                        endpoint: "token",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/token/introspect",
                        endpoint: "introspect",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/auth/device",
                        endpoint: "device/authorize",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/ext/par/request",
                        endpoint: "par",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/ext/ciba/auth",
                        endpoint: "bc/authorize",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/certs",
                        endpoint: "keys",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer", "token_endpoint", "endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: 1,
                rejectsTenants: nil,
                note: "Any one of the realm issuer, token, introspection, PAR or CIBA URL; not the revoke or device URL. One value since 26.2 (allow-multiple-audiences-for-jwt-client-authentication lifts it).",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: 60.0,
                maxExpAheadWithoutIat: 60.0,
                clockSkew: 15.0,
                expClockSkew: 0.0,
                iatChecked: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: "AbstractBaseJWTValidator.validateTokenActive @1353f6b; JWTClientValidator getAllowedClockSkew() = 15, getTokenEndpointAuthSigningMaxExp() default 60; core JsonWebToken.isExpired (`Time.currentTime() > exp`, no skew) and isNotBefore(allowedTimeSkew) @a2c1055"
            ),
            jti: ServerProfile.JTIRules(
                required: true,
                singleUse: true,
                inferred: nil,
                source: "AbstractBaseJWTValidator.validateTokenActive / validateTokenReuse"
            ),
            algorithms: ["client_secret_jwt": ["HS256", "HS384", "HS512"], "private_key_jwt": ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: false,
                sources: ["jwks_uri", "jwks", "certificate"],
                inferred: nil,
                source: "PublicKeysWrapper.getKeyByKidAndAlg; ClientPublicKeyLoader.loadKeys"
            ),
            limits: nil,
            clientID: nil,
            grants: nil,
            console: ["client_secret_jwt": "Signed JWT with Client Secret", "private_key_jwt": "Signed JWT", "source": "JWTClientAuthenticator.getDisplayType @6db5f79 (`Signed JWT`); Keycloak's testsuite expects `Signed JWT with Client Secret` (older JWTClientSecretAuthenticator: `Signed Jwt with Client Secret`)"],
            messages: ["exp-too-far.limit": "{limit} is the default of the client attribute `token.endpoint.auth.signing.max.exp`, which can be set per client", "iat-too-old.limit": "{limit} is the default of the client attribute `token.endpoint.auth.signing.max.exp`, which can be set per client"],
            checkOrder: ServerProfile.CheckOrder(
                steps: [["assertion-type-missing"], ["assertion-type-invalid"], ["assertion-missing"], ["sub-mismatch"], ["client-id-mismatch"], ["iss-mismatch"], ["alg-not-allowed"], ["kid-unknown", "jwks-not-configured"], ["signature-invalid"], ["aud-mismatch"], ["aud-multiple-values"], ["exp-missing"], ["exp-expired"], ["nbf-future"], ["exp-too-far"], ["iat-future"], ["iat-too-old"], ["jti-missing"], ["jti-reused"]]
            ),
            answers: [
                "alg-none": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Invalid signature algorithm",
                    verbatim: false,
                    source: "servers-facts.md 1e (no alg or none fails validateSignatureAlgorithm)",
                    note: "Inferred: that `none` reaches this check rather than failing to parse.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "alg-not-allowed": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Invalid signature algorithm",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (validateSignatureAlgorithm)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "client_assertion parameter missing",
                    verbatim: true,
                    source: "AbstractJWTClientValidator.java @110a624",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Parameter client_assertion_type has value '{client_assertion_type}' but expected is 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'",
                    verbatim: true,
                    source: "AbstractJWTClientValidator.java @110a624",
                    note: "{client_assertion_type} is the value sent.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Parameter client_assertion_type is missing",
                    verbatim: true,
                    source: "AbstractJWTClientValidator.java @110a624",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Invalid token audience",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (validateTokenAudience)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-multiple-values": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Multiple audiences not allowed",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (validateTokenAudience)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-mismatch": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "client_id parameter does not match sub claim",
                    verbatim: true,
                    source: "AbstractJWTClientValidator.java @110a624",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Invalid client or Invalid client credentials",
                    verbatim: true,
                    source: "AuthenticationProcessor.java handleClientAuthException (unknown or disabled client)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-expired": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token is not active",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (validateTokenActive); keycloak#8966",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token exp claim is required",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (validateTokenActive)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-too-far": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token expiration is too far in the future and iat claim not present in token",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d; HeliosSoftware/hfs#1437",
                    note: "Only without iat; with iat the cap is on use after iat (iat-too-old).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iat-future": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token was issued in the future",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iat-too-old": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token was issued too far in the past to be used now",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d; keycloak#46303",
                    note: "now > iat + token.endpoint.auth.signing.max.exp (default 60 s), with no clock skew. Keycloak does not refuse a long exp - iat as such (no lifetime-too-long here): an assertion with exp = iat + 300 passes for its first 60 s, the single-use lifespan being cut to the cap, and then fails with this text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iss-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Invalid client or Invalid client credentials",
                    verbatim: false,
                    source: "AbstractJWTClientValidator.java @110a624 (returns false without a text); AuthenticationProcessor.handleClientAuthException",
                    note: "Inferred: no text is set, the flow falls through to the generic unknown-client answer.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token jti claim is required",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-reused": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token reuse detected",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (validateTokenReuse)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwks-not-configured": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Unable to load public key",
                    verbatim: false,
                    source: "JWTClientAuthenticator.java @6db5f79 (getSignatureValidationKey)",
                    note: "Inferred: with no JWKS URL, inline JWKS or certificate, no key loads. Keycloak 21 logged `PublicKey wasn't found in the storage. Requested kid: 'null'` with event client_credentials_setup_required (keycloak#19632).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-unknown": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Unable to load public key",
                    verbatim: true,
                    source: "JWTClientAuthenticator.java @6db5f79 (getSignatureValidationKey, event CLIENT_CREDENTIALS_SETUP_REQUIRED); keycloak#39944",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Token is not active",
                    verbatim: true,
                    source: "AbstractBaseJWTValidator.java @547ad2d (JsonWebToken.isActive checks exp and nbf)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "signature-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Signature on JWT token failed validation",
                    verbatim: true,
                    source: "JWTClientAuthenticator.java @6db5f79 (verifySignature throws; authenticateClient adds the prefix)",
                    note: "The one 26.4+ answer that keeps the old prefix: verifySignature still throws. A symmetric alg at a private_key_jwt client (`Algorithm is not asymmetric`) or an unknown one (`Algorithm not supported`) is thrown inside it and answered with this same text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "sub-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Invalid client or Invalid client credentials",
                    verbatim: true,
                    source: "AbstractJWTClientValidator.java @110a624 (validateClient: the client is looked up by sub); AuthenticationProcessor.handleClientAuthException",
                    note: "Keycloak takes the client from sub: a sub naming no client is CLIENT_NOT_FOUND (this text); a sub naming another client is judged as that client. A missing sub answers 400 `Token sub claim is required`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["Versions: the wording here is that of 26.4 and later (refactor PR keycloak#42472, 2025-09-09, fix-up #43281/#43283, 2025-10-08; the version boundary is inferred from the dates). 26.2-26.3 is keycloak@26.3. Before KEYCLOAK-15448 (PR #7391, 2020-09) the error was unauthorized_client with the 26.3 prefix.", "aud: the accepted values are the realm issuer, the token URL, the introspection URL, the PAR URL and the CIBA authentication URL, whichever endpoint is called (JWTClientValidator.getExpectedAudiences). `endpoint` below therefore holds only at the introspection, PAR and CIBA endpoints: the revocation and device endpoints are not in the list (inferred: an assertion whose aud is the revoke URL fails at /revoke). The URLs are built from the request's base URI, so hostname settings matter (keycloak#39648).", "aud: one value since 26.2 (issue #38819, PR #38830); the server option allow-multiple-audiences-for-jwt-client-authentication turns the limit off and is `probably removed in Keycloak 27`. The maintainer declined issuer-only in 26.2 (PR #38830 comment, 2025-04-10).", "Lifetime: `token.endpoint.auth.signing.max.exp` is a client attribute, default 60 s (`return 60; // default to 60s`); the limits below are the default. With iat: used later than iat + max → too old; without iat: exp - now > max → too far; neither limit gets the clock skew. Clock skew 15 s is hard-coded and applies to nbf (JsonWebToken.isNotBefore) and to iat in the future, not to exp: JsonWebToken.isExpired is `now > exp` with no skew, and with iat an exp at or before now is `Token is not active` too (the lifespan min(exp - now, max) must be positive).", "jti: required and single-use (isReusePermitted() = false); the replay cache key is the validator class name + jti in 26.4+, the bare jti before (client_secret_jwt collision bug #34547, fixed Dec 2024).", "alg: must be asymmetric for private_key_jwt and equal the client attribute token.endpoint.auth.signing.alg when set; HS* only for client_secret_jwt.", "Keys: JWKS URL (use.jwks.url), inline JWKS (use.jwks.string) or one certificate/public key (jwt.credential.certificate); the key is chosen by kid + alg, then kid; without kid by alg, then the client's default certificate. Keycloak 21 failed on a missing kid with a JWKS (keycloak#19632); the fallback is newer.", "iss != sub: 26.4+ returns false without a text, the client is never set and the flow ends in 401 `Invalid client or Invalid client credentials` (inferred from ClientAuthenticationFlow.processFlow + handleClientAuthException).", "Recognised by its paths alone: issuer {origin}/realms/{realm} (Quarkus, 17 and later) or {origin}/auth/realms/{realm} (legacy relative path); endpoints under {issuer}/protocol/openid-connect/."],
            discovery: nil
        ),
        ServerProfile(
            id: "keycloak@26.3",
            name: "Keycloak 26.2-26.3",
            shortName: nil,
            extends: "keycloak",
            version: "26.2-26.3",
            sources: ["keycloak/keycloak services/.../authenticators/client/JWTClientValidator.java @06292a3 (the validator before PR #42472)", "keycloak/keycloak services/.../authenticators/client/JWTClientAuthenticator.java (authenticateClient: `\"Client authentication with signed JWT failed: \" + e.getMessage()`)", "/work/shared/servers-facts.md section 1 (h), the 26.2-26.3 column"],
            recognise: ServerProfile.Recognition(
                hosts: nil,
                customDomains: nil,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/token",
                        endpoint: "token",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/token/introspect",
                        endpoint: "introspect",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/auth/device",
                        endpoint: "device/authorize",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/ext/par/request",
                        endpoint: "par",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/ext/ciba/auth",
                        endpoint: "bc/authorize",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/realms/{realm}/protocol/openid-connect/certs",
                        endpoint: "keys",
                        issuer: "{origin}/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/token",
                        endpoint: "token",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/token/introspect",
                        endpoint: "introspect",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/auth/device",
                        endpoint: "device/authorize",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/ext/par/request",
                        endpoint: "par",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/ext/ciba/auth",
                        endpoint: "bc/authorize",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/auth/realms/{realm}/protocol/openid-connect/certs",
                        endpoint: "keys",
                        issuer: "{origin}/auth/realms/{realm}"
                    ),
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer", "token_endpoint", "endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: 1,
                rejectsTenants: nil,
                note: "Any one of the realm issuer, token, introspection, PAR or CIBA URL; not the revoke or device URL. One value since 26.2 (allow-multiple-audiences-for-jwt-client-authentication lifts it).",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: false,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: 60.0,
                maxExpAheadWithoutIat: 60.0,
                clockSkew: 15.0,
                expClockSkew: 0.0,
                iatChecked: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: "JWTClientValidator.java @06292a3 (calculateLifespanInSeconds; validateToken calls token.isActive(ALLOWED_CLOCK_SKEW), which puts no skew on exp); exp_clock_skew comes from keycloak"
            ),
            jti: ServerProfile.JTIRules(
                required: true,
                singleUse: true,
                inferred: nil,
                source: "AbstractBaseJWTValidator.validateTokenActive / validateTokenReuse"
            ),
            algorithms: ["client_secret_jwt": ["HS256", "HS384", "HS512"], "private_key_jwt": ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: false,
                sources: ["jwks_uri", "jwks", "certificate"],
                inferred: nil,
                source: "PublicKeysWrapper.getKeyByKidAndAlg; ClientPublicKeyLoader.loadKeys"
            ),
            limits: nil,
            clientID: nil,
            grants: nil,
            console: ["client_secret_jwt": "Signed JWT with Client Secret", "private_key_jwt": "Signed JWT", "source": "JWTClientAuthenticator.getDisplayType @6db5f79 (`Signed JWT`); Keycloak's testsuite expects `Signed JWT with Client Secret` (older JWTClientSecretAuthenticator: `Signed Jwt with Client Secret`)"],
            messages: ["exp-too-far.limit": "{limit} is the default of the client attribute `token.endpoint.auth.signing.max.exp`, which can be set per client", "iat-too-old.limit": "{limit} is the default of the client attribute `token.endpoint.auth.signing.max.exp`, which can be set per client"],
            checkOrder: ServerProfile.CheckOrder(
                steps: [["assertion-type-missing"], ["assertion-type-invalid"], ["assertion-missing"], ["sub-mismatch"], ["client-id-mismatch"], ["iss-mismatch"], ["alg-not-allowed"], ["kid-unknown", "jwks-not-configured"], ["signature-invalid"], ["aud-mismatch"], ["aud-multiple-values"], ["exp-missing"], ["exp-expired"], ["nbf-future"], ["exp-too-far"], ["iat-future"], ["iat-too-old"], ["jti-missing"], ["jti-reused"]]
            ),
            answers: [
                "alg-none": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "invalid signature algorithm",
                    verbatim: false,
                    source: "servers-facts.md 1e",
                    note: "Inferred, as for keycloak.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "alg-not-allowed": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "invalid signature algorithm",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: "Lower case in this generation.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "client_assertion parameter missing",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Parameter client_assertion_type has value '{client_assertion_type}' but expected is 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: "{client_assertion_type} is the value sent.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Parameter client_assertion_type is missing",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3; louketo-proxy#622, bitnami-docker-keycloak-gatekeeper#9",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token audience doesn't match domain. Expected audiences are any of [{expected}] but audience from token is '[{aud}]'",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3 (validateTokenAudience)",
                    note: "{expected} is Keycloak's comma-separated list of the realm issuer, token, introspection, PAR and CIBA URLs; {aud} the token's audiences.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-multiple-values": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Multiple audiences not allowed in the JWT token for client authentication",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-mismatch": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: client_id parameter not matching with client from JWT token",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Invalid client or Invalid client credentials",
                    verbatim: true,
                    source: "AuthenticationProcessor.java handleClientAuthException",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-expired": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token is not active",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3; Axway docs",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token cannot be validated. Neither the exp nor the iat claim are present.",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3 (calculateLifespanInSeconds)",
                    note: "Only when iat is missing too; exp alone was not required. The message is a RuntimeException of the same validator as the others, so it carries the same prefix (servers-facts.md prints it without).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-too-far": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token expiration is too far in the future and iat claim not present in token",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: "Only without iat; with iat the cap is on use after iat (iat-too-old).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iat-future": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token was issued in the future",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iat-too-old": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token was issued too far in the past to be used now",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: "now > iat + token.endpoint.auth.signing.max.exp (default 60 s), with no clock skew. Keycloak does not refuse a long exp - iat as such (no lifetime-too-long here): an assertion with exp = iat + 300 passes for its first 60 s, the single-use lifespan being cut to the cap, and then fails with this text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iss-mismatch": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Issuer mismatch. The issuer should match the subject",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: "Inferred: no text is set, the flow falls through to the generic unknown-client answer.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Missing ID on the token",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-reused": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token reuse detected",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwks-not-configured": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Unable to load public key",
                    verbatim: false,
                    source: "JWTClientValidator.java @06292a3",
                    note: "Inferred: no key source, no key.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-unknown": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Unable to load public key",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Token is not active",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "signature-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_client",
                    errorDescription: "Client authentication with signed JWT failed: Signature on JWT token failed validation",
                    verbatim: true,
                    source: "JWTClientValidator.java @06292a3",
                    note: "The one 26.4+ answer that keeps the old prefix: verifySignature still throws. A symmetric alg at a private_key_jwt client (`Algorithm is not asymmetric`) or an unknown one (`Algorithm not supported`) is thrown inside it and answered with this same text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "sub-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "Invalid client or Invalid client credentials",
                    verbatim: true,
                    source: "AuthenticationProcessor.handleClientAuthException (unknown client)",
                    note: "A sub naming no client; a missing sub answers 400 `Client authentication with signed JWT failed: Can't identify client. Subject missing on JWT token`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["26.2-26.3 threw RuntimeExceptions caught in JWTClientAuthenticator.authenticateClient and answered `Client authentication with signed JWT failed: ` + the message (the version boundary is inferred from the dates of PRs #42472 and #43281). Only the answers and exp_required differ from keycloak; every answer is repeated here so the file reads whole.", "exp was not required: an assertion with neither exp nor iat got `Token cannot be validated. Neither the exp nor the iat claim are present.`; before 26.2 there was no max-exp rule.", "A missing sub answered `Client authentication with signed JWT failed: Can't identify client. Subject missing on JWT token`.", "The multiple-audience limit came in 26.2 (issue #38819, PR #38830).", "The 60 s cap was backported: keycloak#38576 carries backport/26.0 and backport/26.1, and HeliosSoftware/hfs#1437 shows 26.1.5 answering `Token expiration is too far in the future and iat claim not present in token`. servers-facts.md's `before 26.2 there was no max-exp rule` holds only for releases before the backport."],
            discovery: nil
        ),
        ServerProfile(
            id: "node-oidc-provider",
            name: "node-oidc-provider",
            shortName: nil,
            extends: nil,
            version: "9.x (9.11.4)",
            sources: ["panva/node-oidc-provider @b95c294 (v9.11.4) lib/shared/client_auth.js, lib/shared/jwt_client_auth.js (checked for this file)", "panva/node-oidc-provider @b95c294 lib/helpers/errors.js (InvalidClientAuth, InvalidRequest; checked for this file), lib/helpers/jwt.js, lib/helpers/err_out.js, lib/shared/error_handler.js, lib/helpers/defaults.js, lib/helpers/keystore.js", "/work/shared/servers-facts.md section 4", "algorithms: defaults.js enabledJWA.clientAuthSigningAlgValues (default); client_auth.js l.237, l.242"],
            recognise: ServerProfile.Recognition(
                hosts: nil,
                customDomains: nil,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/token/introspection",
                        endpoint: "introspect",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/token/revocation",
                        endpoint: "revoke",
                        issuer: "{origin}"
                    ),
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer", "token_endpoint", "endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "jwt_client_auth.js l.52-58: the issuer, the token endpoint URL or the URL of the endpoint called; one array member must be one of them.",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: 15.0,
                expClockSkew: nil,
                iatChecked: false,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: .byKey(["iat_checked": "jwt.js judges iat only when the assertion has no exp, and jwt_client_auth.js refuses an assertion without exp first"]),
                source: "jwt_client_auth.js (expiration must be specified); defaults.js clockTolerance: 15; jwt.js assertPayload (iat judged only without exp)"
            ),
            jti: ServerProfile.JTIRules(
                required: true,
                singleUse: true,
                inferred: nil,
                source: "jwt_client_auth.js (unique jti …; ReplayDetection.unique)"
            ),
            algorithms: ["client_secret_jwt": ["HS256"], "private_key_jwt": ["RS256", "PS256", "ES256", "Ed25519", "EdDSA"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: false,
                sources: ["jwks", "jwks_uri"],
                inferred: nil,
                source: "keystore.js selectForVerify({alg, kid})"
            ),
            limits: nil,
            clientID: nil,
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: [
                "alg-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `alg mismatch`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-invalid": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "client_assertion_type must have value urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "client_assertion_type must be provided",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `audience (aud) must equal the endpoint url, issuer identifier or token endpoint url`; for an array, `list of audience (aud) must include the endpoint url, issuer identifier or token endpoint url`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `aud (JWT audience) must be provided in the client_assertion JWT`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "auth-method-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: "Logged detail: `the provided authentication mechanism does not match the registered client authentication method`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-mismatch": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "client_id mismatch",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "errors.js @b95c294 (InvalidClientAuth); err_out.js does not serialise error_detail",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-expired": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt.js @b95c294 (assertPayload)",
                    note: "Logged detail: `jwt expired` (`invalid exp value` when exp is not a number).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "exp-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `expiration must be specified in the client_assertion JWT`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iat-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt.js @b95c294 (assertPayload)",
                    note: "Logged detail: `jwt issued in the future`; iat is checked only when the assertion has no exp.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "iss-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `iss (JWT issuer) must be the client_id` (missing iss: `iss (JWT issuer) must be provided in the client_assertion JWT`).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `unique jti (JWT ID) must be provided in the client_assertion JWT`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jti-reused": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt_client_auth.js @b95c294",
                    note: "Logged detail: `client assertion tokens must only be used once`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwt-malformed": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "invalid client_assertion format",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "kid-unknown": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt.js @b95c294 (JWKSNoMatchingKey after one keystore refresh)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "multiple-credentials": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "client authentication must only be provided using one mechanism",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "nbf-future": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt.js @b95c294 (assertPayload)",
                    note: "Logged detail: `jwt not active yet`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "no-credentials": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: "no client authentication mechanism provided",
                    verbatim: true,
                    source: "client_auth.js @b95c294",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "signature-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "jwt.js @b95c294 (JWSSignatureVerificationFailed)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "sub-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "client authentication failed",
                    verbatim: true,
                    source: "client_auth.js @b95c294; errors.js",
                    note: "sub gives the client_id; logged detail `client not found` (a missing sub: `sub (JWT subject) must be provided in the client_assertion JWT`).",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["Every client-authentication failure (InvalidClientAuth) answers 401 `{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}`. The specific reason goes to `error_detail`, which err_out.js does not serialise: it is what the server logs (`DEBUG=oidc-provider:error`) and emits in events, never what the client sees. Each answer's note gives that detail string, verbatim from jwt_client_auth.js or jwt.js.", "Parameter errors (InvalidRequest) answer 400 invalid_request with their text shown to the client (`expose: true`).", "aud: the issuer, the token endpoint URL or the URL of the endpoint called (`new Set([this.issuer, this.urlFor('token'), this.urlFor(this.route)])`); an array needs one such member.", "FAPI 2.0 mode: the default assertJwtClientAuthClaimsAndHeader rejects `claims.aud !== ctx.oidc.issuer` (strict equality, so arrays fail), detail `audience (aud) must equal the issuer identifier url` (defaults.js l.631-641); the fapi2 profile describes the same rule.", "Time: clockTolerance 15 s (defaults.js l.861; 0 before v8); nbf > now + 15 → `jwt not active yet`; now - 15 >= exp → `jwt expired`; iat is checked only when there is no exp. No maximum lifetime.", "jti: required; ReplayDetection.unique(iss, jti, exp + clockTolerance).", "alg: the client's token_endpoint_auth_signing_alg, else one of enabledJWA.clientAuthSigningAlgValues (default HS256, RS256, PS256, ES256, Ed25519, EdDSA; defaults.js l.3429); HS only for client_secret_jwt, non-HS only for private_key_jwt.", "Keys: the client's jwks or jwks_uri; kid optional (selectForVerify filters on kid only when it is a string); an unknown key triggers one keystore.refresh() and a retry.", "No RFC 10070 mode and no typ check (`git grep client-authentication+jwt` is empty).", "Recognition: the issuer is the deployer's; the default routes are /token, /token/introspection, /token/revocation, /request (PAR), /backchannel, /device/auth, /jwks (defaults.js l.3059-3074). Only the introspection and revocation routes are distinctive enough to recognise a request by; /token alone is not."],
            discovery: nil
        ),
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
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "aud must be the absolute URL of the endpoint invoked, compared exactly; an array with one such member is accepted since 2022.08; the issuer is not accepted (the catalog text is unchanged from 2020.05.3 to 2026.08.1).",
                source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: 3600.0,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                expClockSkew: nil,
                iatChecked: nil,
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
                steps: [["method-not-post"], ["content-type-invalid"], ["parameter-repeated"], ["multiple-credentials"], ["authorization-scheme-invalid"], ["assertion-missing", "jwt-bearer-grant-for-client-auth", "no-credentials"], ["assertion-type-invalid"], ["assertion-type-missing"], ["jwt-malformed"], ["alg-none"], ["client-id-missing"], ["client-id-mismatch", "iss-mismatch", "sub-mismatch"], ["auth-method-mismatch"], ["aud-host-not-announced", "aud-mismatch"], ["aud-issuer-instead-of-endpoint"], ["aud-missing"], ["kid-missing", "kid-unknown", "jwks-not-configured"], ["alg-not-allowed"], ["signature-invalid"], ["secret-too-short"], ["claim-type-invalid"], ["exp-missing"], ["exp-expired"], ["exp-too-far"], ["iat-future"], ["nbf-future"], ["jti-reused"], ["org-server-requires-private-key-jwt"], ["scope-invalid-for-server"], ["grant-type-invalid"]]
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
                    source: "not documented; no entry in oauth2-error-codes.json (2026.08.1)",
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
                    source: "department-of-veterans-affairs/vets-api test cassettes (a recorded Okta response, third party)",
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
                    source: "Kong/volcano-agent-sdk#21 (a third-party report of an Okta response)",
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
                    source: "not the catalog text: unsupported_grant_type and token_request_missing_grant_type in oauth2-error-codes.json name the server's grant types",
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
                "jwks-not-configured": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client does not have a JWKSet configured, but the client_assertion requires one.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_jwks_not_configured",
                    note: "Okta's catalog entry for an RS/ES-signed assertion from an app without a registered public key. That it is checked at the same point as the kid is assertlint's inference.",
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
                    source: "not documented; no entry in oauth2-error-codes.json (2026.08.1)",
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
            ],
            errorCodePrefix: nil,
            notes: ["alg: Okta accepts RS256, RS384, RS512, ES256, ES384 and ES512 for private_key_jwt and HS256, HS384, HS512 for client_secret_jwt; RSASSA-PSS (PS256/384/512) and EdDSA are not accepted.", "Client authentication is set per app under Admin Console > Applications > the app > General > Client Credentials: `Client secret` (client_secret_basic or client_secret_post), `Client secret (signed JWT)` (client_secret_jwt), `Public key / Private key` (private_key_jwt), or none for public clients. Okta's default for a new confidential app is client_secret_basic; assertlint assumes a confidential client when nothing says otherwise.", "Okta appears to pick the verification path from `alg` first: for an RS/ES assertion to an app without a public key it answers `The client does not have a JWKSet configured, but the client_assertion requires one.`", "iss and sub: Okta's client authentication docs ask for the app's client_id in both; common wrong values seen in reports are the org URL or the Okta domain.", "Okta checks that something names the client (client_id, Basic user, iss/sub) before the assertion's audience and lifetime (check_order below).", "Okta rejects a JSON or multipart body, or one without `Content-Type: application/x-www-form-urlencoded`, before it looks at any parameter; the same holds for a request that is not a POST.", "Okta refuses a request with more than one client credential even when they agree (the same secret in the header and the body).", "Okta's own grant `interaction_code` (Identity Engine) is a grant type; a grant must also be enabled for the app (Grant type in the app's General settings) and allowed by an access policy rule of the authorization server. Okta authenticates the client before it looks at the grant.", "An Okta org answers on its okta.com host and on a custom URL domain; a request to a URL the discovery document does not announce goes to another authorization server (Org vs a custom one), another host or no endpoint at all.", "Okta's service-app guide shows `exp` as a string; whether Okta accepts a string exp is not documented.", "Base64 with padding or the standard alphabet in a segment: Okta's behaviour is not documented. `crit` in the header: not documented, and no Okta error text for it was found.", "Okta verifies client assertions with the keys registered for the app (its JWKS or the JWKS URL configured on it) and documents no use of `jku` or `x5u`; that it ignores them is inferred.", "Since June 2020 (OKTA-283603) Okta refuses to register RSA public keys shorter than 2048 bits for client authentication.", "client_secret_jwt: Okta refuses client secrets shorter than 32 characters and refuses to set such a secret for a client_secret_jwt app; the Admin Console can generate a secret.", "Without `kid` Okta tries the registered keys (kid is required only when the JWKS holds more than one key); the Org authorization server accepts assertions without `jti`; Okta accepts an exp up to one hour after the request."],
            discovery: ServerProfile.DiscoveryRules(
                document: "openid-configuration",
                clientIDQuery: true,
                source: "okta-facts.md (OIDC discovery: https://{domain}/.well-known/openid-configuration, https://{domain}/oauth2/{id}/.well-known/openid-configuration, from D3)",
                note: "The `?client_id=` query is kept from the code before profiles held it (Okta's OIDC reference lists client_id on the well-known endpoints; not rechecked for this file). No other profile sends the client id in discovery."
            )
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
                ],
                nameOnly: nil
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "aud must be the absolute URL of the endpoint invoked, compared exactly; an array with one such member is accepted since 2022.08; the issuer is not accepted (the catalog text is unchanged from 2020.05.3 to 2026.08.1).",
                source: "oauth2-error-codes.json#client_assertion_invalid_audience",
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: 3600.0,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                expClockSkew: nil,
                iatChecked: nil,
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
                steps: [["method-not-post"], ["content-type-invalid"], ["parameter-repeated"], ["multiple-credentials"], ["authorization-scheme-invalid"], ["assertion-missing", "jwt-bearer-grant-for-client-auth", "no-credentials"], ["assertion-type-invalid"], ["assertion-type-missing"], ["jwt-malformed"], ["alg-none"], ["client-id-missing"], ["client-id-mismatch", "iss-mismatch", "sub-mismatch"], ["auth-method-mismatch"], ["aud-host-not-announced", "aud-mismatch"], ["aud-issuer-instead-of-endpoint"], ["aud-missing"], ["kid-missing", "kid-unknown", "jwks-not-configured"], ["alg-not-allowed"], ["signature-invalid"], ["secret-too-short"], ["claim-type-invalid"], ["exp-missing"], ["exp-expired"], ["exp-too-far"], ["iat-future"], ["nbf-future"], ["jti-reused"], ["org-server-requires-private-key-jwt"], ["scope-invalid-for-server"], ["grant-type-invalid"]]
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
                    source: "not documented; no entry in oauth2-error-codes.json (2026.08.1)",
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
                    source: "department-of-veterans-affairs/vets-api test cassettes (a recorded Okta response, third party)",
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
                    source: "Kong/volcano-agent-sdk#21 (a third-party report of an Okta response)",
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
                    source: "not the catalog text: unsupported_grant_type and token_request_missing_grant_type in oauth2-error-codes.json name the server's grant types",
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
                "jwks-not-configured": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: "The client does not have a JWKSet configured, but the client_assertion requires one.",
                    verbatim: true,
                    source: "oauth2-error-codes.json#client_assertion_jwks_not_configured",
                    note: "Okta's catalog entry for an RS/ES-signed assertion from an app without a registered public key. That it is checked at the same point as the kid is assertlint's inference.",
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
                    source: "not documented; no entry in oauth2-error-codes.json (2026.08.1)",
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
            ],
            errorCodePrefix: nil,
            notes: ["alg: Okta accepts RS256, RS384, RS512, ES256, ES384 and ES512 for private_key_jwt and HS256, HS384, HS512 for client_secret_jwt; RSASSA-PSS (PS256/384/512) and EdDSA are not accepted.", "Client authentication is set per app under Admin Console > Applications > the app > General > Client Credentials: `Client secret` (client_secret_basic or client_secret_post), `Client secret (signed JWT)` (client_secret_jwt), `Public key / Private key` (private_key_jwt), or none for public clients. Okta's default for a new confidential app is client_secret_basic; assertlint assumes a confidential client when nothing says otherwise.", "Okta appears to pick the verification path from `alg` first: for an RS/ES assertion to an app without a public key it answers `The client does not have a JWKSet configured, but the client_assertion requires one.`", "iss and sub: Okta's client authentication docs ask for the app's client_id in both; common wrong values seen in reports are the org URL or the Okta domain.", "Okta checks that something names the client (client_id, Basic user, iss/sub) before the assertion's audience and lifetime (check_order below).", "Okta rejects a JSON or multipart body, or one without `Content-Type: application/x-www-form-urlencoded`, before it looks at any parameter; the same holds for a request that is not a POST.", "Okta refuses a request with more than one client credential even when they agree (the same secret in the header and the body).", "Okta's own grant `interaction_code` (Identity Engine) is a grant type; a grant must also be enabled for the app (Grant type in the app's General settings) and allowed by an access policy rule of the authorization server. Okta authenticates the client before it looks at the grant.", "An Okta org answers on its okta.com host and on a custom URL domain; a request to a URL the discovery document does not announce goes to another authorization server (Org vs a custom one), another host or no endpoint at all.", "Okta's service-app guide shows `exp` as a string; whether Okta accepts a string exp is not documented.", "Base64 with padding or the standard alphabet in a segment: Okta's behaviour is not documented. `crit` in the header: not documented, and no Okta error text for it was found.", "Okta verifies client assertions with the keys registered for the app (its JWKS or the JWKS URL configured on it) and documents no use of `jku` or `x5u`; that it ignores them is inferred.", "Since June 2020 (OKTA-283603) Okta refuses to register RSA public keys shorter than 2048 bits for client authentication.", "client_secret_jwt: Okta refuses client secrets shorter than 32 characters and refuses to set such a secret for a client_secret_jwt app; the Admin Console can generate a secret.", "Without `kid` Okta tries the registered keys (kid is required only when the JWKS holds more than one key); the Org authorization server accepts assertions without `jti`; Okta accepts an exp up to one hour after the request."],
            discovery: ServerProfile.DiscoveryRules(
                document: "openid-configuration",
                clientIDQuery: true,
                source: "okta-facts.md (OIDC discovery: https://{domain}/.well-known/openid-configuration, https://{domain}/oauth2/{id}/.well-known/openid-configuration, from D3)",
                note: "The `?client_id=` query is kept from the code before profiles held it (Okta's OIDC reference lists client_id on the well-known endpoints; not rechecked for this file). No other profile sends the client id in discovery."
            )
        ),
        ServerProfile(
            id: "rfc10070",
            name: "OAuth 2.0 authorization server (RFC 10070)",
            shortName: nil,
            extends: nil,
            version: nil,
            sources: ["RFC 10070, Updates to OAuth 2.0 JWT Client Authentication and Assertion-Based Authorization Grants, Standards Track, November 2026 (https://www.rfc-editor.org/rfc/rfc10070.txt; docName draft-ietf-oauth-rfc7523bis-11, updates 7521, 7522, 7523, 9126, prepTime 2026-11-06)", "oauth-wg/draft-ietf-oauth-rfc7523bis @4e379f2 (-10/-11 text)", "/work/shared/servers-facts.md section 6 (and section 9 items 2 and 3)"],
            recognise: nil,
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer"],
                deprecated: nil,
                array: "one_member",
                maxValues: 1,
                rejectsTenants: nil,
                note: "The issuer identifier as the sole value, a string or a one-member array; the token endpoint URL MUST NOT be used.",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                expClockSkew: nil,
                iatChecked: nil,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: "RFC 7523 section 3 (exp MUST), unchanged by RFC 10070"
            ),
            jti: ServerProfile.JTIRules(
                required: false,
                singleUse: nil,
                inferred: nil,
                source: "RFC 7523 section 3 (jti MAY), unchanged by RFC 10070"
            ),
            algorithms: nil,
            keys: nil,
            limits: nil,
            clientID: nil,
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: [
                "aud-endpoint-instead-of-issuer": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "RFC 10070 (MUST reject); RFC 6749 section 5.2 (invalid_client)",
                    note: "The RFC requires rejection and gives no text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-mismatch": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "RFC 10070; RFC 6749 section 5.2",
                    note: "The RFC requires rejection and gives no text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "aud-multiple-values": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "RFC 10070 (issuer as the sole value); RFC 6749 section 5.2",
                    note: "The RFC requires rejection and gives no text.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "RFC 6749 section 5.2",
                    note: "No description is defined; each server writes its own.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["Client authentication: `the aud (audience) claim value MUST use the issuer identifier … of the authorization server as its sole value … the token endpoint URL of the authorization server MUST NOT be used as an audience value. The authorization server MUST reject any JWT that does not contain its issuer identifier as its sole audience value.` Simple String Comparison. `The authorization server MUST have an issuer identifier`.", "Array form: -03 changelog `Do not restrict the \"aud\" claim's type. Allow it to be an array with a single member.` (IETF 124 slides). Unlike FAPI 2.0, a one-member array is accepted: the two are not the same profile.", "PAR (RFC 9126 §2 replaced): the issuer `MUST be used as the sole value`. Authorization grants (not client authentication): `An authorization server MAY be identified by either its issuer identifier or its token endpoint URL.`", "typ: `Client authentication JWTs SHOULD be explicitly typed … client-authentication+jwt` and, next paragraph, `The use of explicit typing is REQUIRED for clients`; `NOT RECOMMENDED for servers to reject JWTs that do not have explicit types`. IANA registered application/client-authentication+jwt. The schema has no typ key.", "SAML assertions `MUST NOT be used for client authentication for any new applications`.", "Silent on lifetime, clock skew, jti, algorithms and kid: nothing below limits them beyond RFC 7523 (exp is required there).", "No server text: RFC 6749 §5.2 names the error (invalid_client, 401 when the client authenticated), not a description."],
            discovery: ServerProfile.DiscoveryRules(
                document: "oauth-authorization-server",
                clientIDQuery: nil,
                source: nil,
                note: "RFC 10070 names the issuer identifier of RFC 8414; its metadata is at {origin}/.well-known/oauth-authorization-server{issuer path} (RFC 8414 section 3). Read only with --issuer: no URL shape tells this server's issuer."
            )
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
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: nil,
                expClockSkew: nil,
                iatChecked: nil,
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
            answers: nil,
            errorCodePrefix: nil,
            notes: nil,
            discovery: nil
        ),
        ServerProfile(
            id: "spring",
            name: "Spring Authorization Server",
            shortName: nil,
            extends: nil,
            version: "1.x; Spring Security 7 (oauth2-authorization-server)",
            sources: ["spring-projects/spring-authorization-server @b90fb09 oauth2-authorization-server/src/main/java/org/springframework/security/oauth2/server/authorization/authentication/JwtClientAssertionDecoderFactory.java (checked for this file)", "…/web/authentication/JwtClientAssertionAuthenticationConverter.java @b90fb09 (checked for this file)", "…/web/OAuth2ClientAuthenticationFilter.java @b90fb09 (onAuthenticationFailure, checked for this file)", "…/authentication/JwtClientAssertionAuthenticationProvider.java, …/settings/AuthorizationServerSettings.java; the same factory in spring-projects/spring-security oauth2/oauth2-authorization-server @072f413", "/work/shared/servers-facts.md section 5", "algorithms: JwtClientAssertionDecoderFactory (SignatureAlgorithm via jwk-set-url; MacAlgorithm HS256/HS384/HS512 via the client secret)"],
            recognise: ServerProfile.Recognition(
                hosts: nil,
                customDomains: nil,
                paths: [
                    ServerProfile.PathTemplate(
                        path: "/oauth2/token",
                        endpoint: "token",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth2/introspect",
                        endpoint: "introspect",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth2/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth2/par",
                        endpoint: "par",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth2/device_authorization",
                        endpoint: "device/authorize",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/oauth2/jwks",
                        endpoint: "keys",
                        issuer: "{origin}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/{issuer}/oauth2/token",
                        endpoint: "token",
                        issuer: "{origin}/{issuer}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/{issuer}/oauth2/introspect",
                        endpoint: "introspect",
                        issuer: "{origin}/{issuer}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/{issuer}/oauth2/revoke",
                        endpoint: "revoke",
                        issuer: "{origin}/{issuer}"
                    ),
                    ServerProfile.PathTemplate(
                        path: "/{issuer}/oauth2/par",
                        endpoint: "par",
                        issuer: "{origin}/{issuer}"
                    ),
                ],
                nameOnly: true
            ),
            audience: ServerProfile.AudienceRules(
                accepts: ["issuer", "token_endpoint", "endpoint"],
                deprecated: nil,
                array: "allowed",
                maxValues: nil,
                rejectsTenants: nil,
                note: "The issuer or {issuer}/oauth2/token, /oauth2/introspect, /oauth2/revoke, /oauth2/par; any array member may match (JwtClientAssertionDecoderFactory.getAudience, containsAudience). Not the device authorization URL.",
                source: nil,
                inferred: nil
            ),
            lifetime: ServerProfile.LifetimeRules(
                expRequired: true,
                maxExpAhead: nil,
                maxExpMinusIat: nil,
                maxUseAfterIat: nil,
                maxExpAheadWithoutIat: nil,
                clockSkew: 60.0,
                expClockSkew: nil,
                iatChecked: false,
                iatFutureTolerance: nil,
                iatFutureReject: nil,
                inferred: nil,
                source: "JwtClientAssertionDecoderFactory: JwtClaimValidator(EXP, nonNull), JwtTimestampValidator (default 60 s on exp and nbf; iat not checked; no maximum lifetime)"
            ),
            jti: ServerProfile.JTIRules(
                required: false,
                singleUse: false,
                inferred: nil,
                source: "JwtClientAssertionDecoderFactory (no jti validator by default; setJwtValidatorFactory replaces the list)"
            ),
            algorithms: ["client_secret_jwt": ["HS256", "HS384", "HS512"], "private_key_jwt": ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]],
            keys: ServerProfile.KeyRules(
                lookup: ["kid", "alg"],
                kidRequiredWithSeveralKeys: false,
                sources: ["jwks_uri"],
                inferred: .byKey(["lookup": "Nimbus JWSVerificationKeySelector selects by alg, and by kid when present"]),
                source: "JwtClientAssertionDecoderFactory (NimbusJwtDecoder.withJwkSetUri)"
            ),
            limits: nil,
            clientID: ServerProfile.ClientIDRules(
                requiredInBody: true,
                source: "JwtClientAssertionAuthenticationConverter.java @b90fb09"
            ),
            grants: nil,
            console: nil,
            messages: nil,
            checkOrder: nil,
            answers: [
                "alg-not-allowed": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: true,
                    source: "JwtClientAssertionDecoderFactory.java @b90fb09",
                    note: "Logged: `… Check to ensure you have configured a valid JWS Algorithm: '<alg>'.` when the client's algorithm is not usable; an assertion signed with another algorithm than the client's fails verification, also invalid_client.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-invalid": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "JwtClientAssertionAuthenticationConverter.java @b90fb09 (returns null)",
                    note: "Inferred: the request is not read as a client assertion and no other method authenticates it.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "assertion-type-missing": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: false,
                    source: "JwtClientAssertionAuthenticationConverter.java @b90fb09 (returns null)",
                    note: "Inferred, as for assertion-type-invalid.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "client-id-missing": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: nil,
                    verbatim: true,
                    source: "JwtClientAssertionAuthenticationConverter.java @b90fb09; OAuth2ClientAuthenticationFilter.java @b90fb09",
                    note: "The body is `{\"error\":\"invalid_request\"}` alone. Sent whenever client_id is missing, even when the assertion names the client.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "default": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: true,
                    source: "OAuth2ClientAuthenticationFilter.java @b90fb09 (onAuthenticationFailure writes new OAuth2Error(errorCode) only)",
                    note: "The body is `{\"error\":\"invalid_client\"}`, nothing more, for every failed client authentication.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "jwks-not-configured": ServerAnswer(
                    status: 401,
                    error: "invalid_client",
                    errorDescription: nil,
                    verbatim: true,
                    source: "JwtClientAssertionDecoderFactory.java @b90fb09",
                    note: "Logged: `Failed to find a Signature Verifier for Client: '<id>'. Check to ensure you have configured the JWK Set URL.`; the body is `{\"error\":\"invalid_client\"}`.",
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
                "parameter-repeated": ServerAnswer(
                    status: 400,
                    error: "invalid_request",
                    errorDescription: nil,
                    verbatim: true,
                    source: "JwtClientAssertionAuthenticationConverter.java @b90fb09 (client_assertion_type, client_assertion or client_id more than once)",
                    note: nil,
                    apiErrorShape: nil,
                    variants: nil,
                    profile: "",
                    speaker: ""
                ),
            ],
            errorCodePrefix: nil,
            notes: ["The response body is only the error code: `{\"error\":\"invalid_client\"}` with 401, `{\"error\":\"invalid_request\"}` with 400 (OAuth2ClientAuthenticationFilter: `We don't want to reveal too much information to the caller so just return the error code`). No answer below has an error_description, and none can be told from another by the response.", "What the server logs or throws internally (never sent): `Client authentication failed: client_assertion` (also `: client_id`, `: authentication_method`, `: credentials`); `Failed to find a Signature Verifier for Client: '<id>'. Check to ensure you have configured the JWK Set URL.` (`… the client secret.`, `… a valid JWS Algorithm: '<alg>'.`); error_uri https://datatracker.ietf.org/doc/html/rfc7523#section-3.", "The converter reads a client assertion only when both client_assertion_type and client_assertion are present and the type is the JWT bearer URN; otherwise it returns null and the request falls to the other authentication methods, ending in invalid_client (inferred).", "client_id is mandatory in the body: `OPTIONAL as per specification but REQUIRED by this implementation` (JwtClientAssertionAuthenticationConverter); users hit it in keycloak#21444, spring-security#12619/#12633, spring-attic/spring-authorization-server#747.", "aud: any member equal to the issuer or issuer + the token, introspection, revocation or PAR endpoint path, at whichever endpoint; the device authorization endpoint is not in the list (inferred: it fails there). No issuer-only option (spring-security#18226 is about the client side).", "alg: exactly the client's ClientSettings.tokenEndpointAuthenticationSigningAlgorithm: a SignatureAlgorithm is verified with the client's jwk-set-url (no inline JWKS, no certificate), a MacAlgorithm with the client secret.", "typ: in 1.x the Nimbus default type verifier accepts only `JWT` or no typ (spring-security#8730, #9900), so an RFC 10070 `typ: client-authentication+jwt` assertion is rejected (inferred); Spring Security 7 moved the typ check into JwtTypeValidator.jwt(), which this factory's own validator list replaces (inferred lenient).", "The issuer is configured or taken from the request; multi-issuer deployments put it in the path (http://host/issuer1). Endpoints are {issuer}/oauth2/token etc. (no /v1/, which tells it from Okta).", "Recognition: a URL never picks this profile (`recognise.name_only`); `--server spring`, a fixture's `server: spring` or the config's `servers:` do, and the paths below then read the URL (issuer, endpoint). Spring's paths are defaults any deployment may change, on any host, and other products serve the same ones: WSO2 Identity Server `https://{host}:9443/oauth2/token`, `/oauth2/introspect`, `/oauth2/revoke`; Ory Hydra `/oauth2/token`, `/oauth2/revoke`; Amazon Cognito `https://{domain}/oauth2/token`; and `/{issuer}/oauth2/token` also matches Salesforce's `/services/oauth2/token` (inferred from those products' public documentation, not from servers-facts.md). Picked from the path alone, such a request would be judged by what only Spring does (client_id required in the body, no jti or lifetime checks, bare `invalid_client` answers). RFC 7523's generic answers are the honest default there; the diagnosis then says the path is also Spring's and names `--server spring`.", "Discovery: Spring AS serves RFC 8414 metadata at /.well-known/oauth-authorization-server (with the issuer's path after it for multi-issuer deployments) by default, and the OpenID Connect document only when OIDC is enabled (AuthorizationServerSettings; inferred, not read at a commit for this file), so online mode reads the RFC 8414 document."],
            discovery: ServerProfile.DiscoveryRules(
                document: "oauth-authorization-server",
                clientIDQuery: nil,
                source: nil,
                note: "AuthorizationServerSettings: authorizationServerMetadataEndpoint /.well-known/oauth-authorization-server by default; the OIDC document only with OIDC enabled (inferred)"
            )
        ),
    ]
}
