// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.
enum BundledCatalog {
    static let sources: [(name: String, yaml: String)] = [
        ("alg-none.yaml", ##"""
id: alg-none
title: the assertion is unsigned (alg "none")
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 29
  note: >-
    Okta's answer to an unsigned assertion is not documented (okta-facts "Not found": unsupported alg).
    The text is Okta's generic client-authentication failure (seen verbatim in third-party reports);
    that Okta answers `alg: none` with it is assertlint's best prediction.
explanation: |
  An assertion with `"alg": "none"` (in any letter case) carries no signature, so it proves nothing
  about who sent it: anyone who knows a client_id could write one. Okta accepts only signed client
  assertions: RS256, RS384, RS512, ES256, ES384 or ES512 with the app's private key
  (private_key_jwt), or HS256, HS384 or HS512 with its client secret (client_secret_jwt). An
  unsigned JWT usually comes from a library called without a key, or from a debugging tool.
fix: Sign the assertion with {alg}; the header's `alg` then names that algorithm.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7518 section 3.6
  - RFC 7523 section 3
"""##),
        ("alg-not-allowed.yaml", ##"""
id: alg-not-allowed
title: The signing algorithm is not accepted for this app, or does not fit the key
severity: error
okta:
  status: 401
  error: invalid_client
  verbatim: false
  precedence: 46
  note: Okta documents which algorithms it accepts but no error text for another one was found; status and error are those of Okta's other client-assertion failures.
explanation: |
  Okta verifies `private_key_jwt` assertions signed with RS256, RS384, RS512, ES256, ES384 or
  ES512 against the app's registered public keys, and `client_secret_jwt` assertions signed with
  HS256, HS384 or HS512 keyed with the client secret. RSASSA-PSS (PS256/384/512) and EdDSA are
  not accepted, an HS* assertion does not authenticate a `private_key_jwt` app, and an RS*/ES*
  assertion does not authenticate a `client_secret_jwt` app. The algorithm must also fit the key
  Okta picks: RS* needs an RSA key, ES256 a P-256 key, ES384 a P-384 key and ES512 a P-521 key.
  assertlint still verifies the signature with the algorithm named, so you learn whether the
  signature itself is sound.
fix: Sign with alg {alg} and set the header's `alg` to match.
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7518 section 3.1
"""##),
        ("assertion-live.yaml", ##"""
id: assertion-live
title: A committed assertion has not expired yet and can be replayed
severity: warning
explanation: |
  The assertion's `exp` is still in the future at the real current time (not the fixture's `now`).
  Anyone who can read this file (the repository, its forks, CI logs) can send it to the server
  and authenticate as the client until it expires, unless the server has already seen its `jti`.
  Fixtures should hold assertions that expired long ago, or `{header, claims}` mappings that
  assertlint builds with times relative to the fixture's `now` (those are made from test values and
  are not judged by this rule). `check` runs this rule; `diagnose`, where a live token is simply
  being debugged, does not.
fix: Replace the assertion with an expired one (or a header-and-claims mapping that assertlint builds); it stays replayable until {until}. If it was pushed anywhere, rotate the signing key.
references:
  - RFC 7523 section 3
  - RFC 7519 section 4.1.4
"""##),
        ("assertion-missing.yaml", ##"""
id: assertion-missing
title: the app authenticates with a JWT but the request has no client_assertion
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: No client credentials found.
  verbatim: true
  precedence: 23
explanation: |
  An app whose client authentication is private_key_jwt ("Public key / Private key") or
  client_secret_jwt must send a signed client assertion at every endpoint that authenticates
  clients, not only at /token. /introspect and /revoke need the same client authentication as
  /token, with a fresh assertion whose `aud` is the introspect (or revoke) URL itself: an assertion
  minted for /token is rejected there, and a `client_id` parameter alone identifies the client but
  does not authenticate it.
  Introspecting at the Org authorization server (/oauth2/v1/introspect) has a second catch: tokens
  from the Org server are meant for Okta's own APIs. To validate access tokens for your own APIs,
  issue them from a custom authorization server (/oauth2/default or your own) and introspect them
  at that server's /v1/introspect, or validate them locally against its /v1/keys.
fix: Sign a fresh client assertion with `aud` set to "{endpoint}" (iss and sub = the client id, a short exp, a new jti) and send it as `client_assertion`, together with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7662 section 2.1
  - RFC 7523 section 3
"""##),
        ("assertion-type-invalid.yaml", ##"""
id: assertion-type-invalid
title: client_assertion_type is not the JWT bearer URN
severity: error
okta:
  status: 400
  error: invalid_client
  error_description: The client_assertion_type is invalid.
  verbatim: false
  precedence: 24
  note: The description is verbatim from a third-party report (zitadel/oidc#635, an empty client_assertion_type), not from Okta's docs. The status has been 400 since release 2022.01.2 (OKTA-456503; 401 before). The `error` code was not recorded; invalid_client is assertlint's assumption.
explanation: |
  `client_assertion_type` must be exactly `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`
  (RFC 7523 section 2.2), compared character for character. Common slips: an empty value (a library
  that sends the parameter even when it has no assertion), a space or line break copied with it,
  `jwt_bearer` with an underscore, upper case, a value that was percent-encoded twice, and the
  grant-type URN `urn:ietf:params:oauth:grant-type:jwt-bearer` of RFC 7523 section 2.1, which is a
  `grant_type` for using a JWT as the grant, not a way to authenticate the client.
fix: Set `client_assertion_type` to "{type}" exactly.
references:
  - RFC 7523 section 2.2
  - RFC 7523 section 2.1
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
"""##),
        ("assertion-type-missing.yaml", ##"""
id: assertion-type-missing
title: client_assertion_type is missing
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: No client credentials found.
  verbatim: false
  precedence: 25
  note: The text is Okta's, but its use for this case is inferred. Okta documents no answer for a missing client_assertion_type; it most likely ignores a client_assertion without its type and answers as for a request without credentials, but it may answer "The client_assertion_type is invalid." (400) instead.
explanation: |
  A JWT client assertion is sent as two form parameters (RFC 7521 section 4.2, RFC 7523 section
  2.2): `client_assertion` with the signed JWT and `client_assertion_type` with the fixed value
  `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`. Without the type the server does not
  treat the body as carrying a client assertion. assertlint also reports this when an app that
  authenticates with private_key_jwt or client_secret_jwt sends neither parameter, because the
  fix needs both.
fix: Add `client_assertion_type={type}` to the form body, next to `client_assertion`.
references:
  - RFC 7521 section 4.2
  - RFC 7523 section 2.2
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
"""##),
        ("aud-host-not-announced.yaml", ##"""
id: aud-host-not-announced
title: aud and the request name different hosts, and the server announces only one of them
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The audience claim for client_assertion must be the endpoint invoked for the request.
  verbatim: true
  precedence: 40
  note: The error text is Okta's aud message. How Okta treats an aud on the okta.com host for a request sent to a custom URL domain (or the reverse) is not documented; assertlint assumes aud must name the host the request is sent to.
explanation: |
  Only checked when the server's discovery document was read (`--online`, or a fixture's `server:`).
  With a custom URL domain an Okta org answers on two hosts: its okta.com host and the custom domain.
  The discovery document says which one the authorization server announces for its endpoints. Okta
  requires `aud` to be the absolute URL of the endpoint invoked, so `aud` and the request URL must name
  the same host. When they differ, the document tells which side is off: an `aud` that names a host the
  server does not announce is wrong; a request sent to a host the server does not announce (while
  `aud` names the announced one) is usually better fixed by sending it to the announced endpoint.
fix: Make `aud` and the request URL name the same host ({advice}).
references:
  - https://developer.okta.com/docs/guides/custom-url-domain/
  - https://support.okta.com/help/s/article/the-audience-claim-for-client-assertion-must-be-the-endpoint-invoked-for-the-request
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
"""##),
        ("aud-issuer-instead-of-endpoint.yaml", ##"""
id: aud-issuer-instead-of-endpoint
title: aud is the issuer, not the endpoint URL
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The audience claim for client_assertion must be the endpoint invoked for the request.
  verbatim: true
  precedence: 41
explanation: |
  Many OAuth servers (and RFC 7523 §3, which allows either) accept the authorization server's issuer
  identifier as `aud`, and some client libraries default to it. Okta does not: it compares `aud` with
  the absolute URL of the endpoint invoked and rejects the issuer (`https://{domain}` for the Org
  authorization server, `https://{domain}/oauth2/{authServerId}` for a custom one), with the same
  answer as any other wrong `aud`. This finding comes together with `aud-mismatch`, which names the
  exact difference; it is reported for an `aud` that is the issuer of the server called, or of another
  authorization server on the same Okta domain.
fix: Replace the issuer "{issuer}" in `aud` with the endpoint URL "{endpoint}" and sign a new assertion.
references:
  - https://support.okta.com/help/s/article/the-audience-claim-for-client-assertion-must-be-the-endpoint-invoked-for-the-request
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/concepts/auth-servers/
  - RFC 7523 section 3
"""##),
        ("aud-mismatch.yaml", ##"""
id: aud-mismatch
title: aud is not the endpoint the request is sent to
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The audience claim for client_assertion must be the endpoint invoked for the request.
  verbatim: true
  precedence: 40
explanation: |
  Okta compares `aud` with the absolute URL of the endpoint being called, character for character:
  scheme, host, path, no trailing slash, no query. An assertion minted for /token is not valid at
  /introspect or /revoke, an assertion for the Org authorization server (/oauth2/v1/...) is not valid
  at a custom authorization server (/oauth2/{id}/v1/...) and the reverse, and the issuer URL is not
  accepted. With a custom URL domain, `aud` must name the host the request is actually sent to.
  When `aud` is an array, one member must be the endpoint URL (accepted by Okta since 2022.08).
  Okta documents no tolerance for trailing slashes or letter case, so assertlint treats any
  difference as a mismatch.
fix: Set `aud` to "{endpoint}" (the exact URL the request is sent to) and sign a new assertion.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://support.okta.com/help/s/article/the-audience-claim-for-client-assertion-must-be-the-endpoint-invoked-for-the-request
  - RFC 7523 section 3
"""##),
        ("aud-missing.yaml", ##"""
id: aud-missing
title: the assertion has no aud
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The audience claim for client_assertion must be the endpoint invoked for the request.
  verbatim: false
  precedence: 42
  note: >-
    The text is Okta's verbatim answer to a wrong `aud`; that Okta gives the same answer when `aud` is
    absent or empty is assertlint's prediction (no source shows a missing `aud`).
explanation: |
  RFC 7523 §3 requires `aud`, and Okta requires it to be the absolute URL of the endpoint the request
  is sent to (for example `https://{domain}/oauth2/v1/token` for the Org authorization server,
  `https://{domain}/oauth2/{authServerId}/v1/token` for a custom one). An assertion without `aud`, or
  with an empty string or an empty array, names no audience at all, so it is valid nowhere. Some JWT
  libraries drop a claim whose value is null or empty: check what the code passed in.
fix: Add `aud` with the value {endpoint} and sign a new assertion.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7523 section 3
  - RFC 7519 section 4.1.3
"""##),
        ("auth-method-mismatch.yaml", ##"""
id: auth-method-mismatch
title: the request authenticates differently from the app's client authentication setting
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 35
  note: Verbatim from third-party reports of Okta responses, not from Okta's docs, and Okta does not document which text each mismatch produces. An RS/ES-signed assertion for an app without a registered public key was answered "The client does not have a JWKSet configured, but the client_assertion requires one." in Okta's own SDK tests. Whether a client-secret app may authenticate with client_secret_jwt is not documented either.
explanation: |
  Each Okta app has one client authentication method (`token_endpoint_auth_method`), set under
  Applications > the app > General > Client Credentials: "Client secret" (client_secret_basic or
  client_secret_post), "Client secret (signed JWT)" (client_secret_jwt), "Public key / Private key"
  (private_key_jwt), or none for public clients. The request must authenticate that way. An
  assertion's method is told by its `alg`: HS256/384/512 is an HMAC keyed with the client secret
  (client_secret_jwt); RS*, ES* and PS* are signatures checked with the app's registered public key
  (private_key_jwt). Okta appears to pick the verification path from `alg` first: for an RS/ES
  assertion to an app without a public key it answers "The client does not have a JWKSet
  configured, but the client_assertion requires one.".
  A client secret sent in the Basic header or in the body counts as the same "Client secret"
  setting; assertlint does not report one against the other. An assertion of the wrong kind for a
  JWT app (HS256 for private_key_jwt, RS256 for client_secret_jwt) is reported as
  `alg-not-allowed`, which also looks at the registered keys.
fix: "Authenticate the way the app is registered ({registered}): {how}. Or, if the app should use {presented}, change its Client authentication to \"{console}\" in the Admin Console (Applications > the app > General > Client Credentials > Edit) and register what that method needs."
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7591 section 2 (token_endpoint_auth_method)
"""##),
        ("authorization-scheme-invalid.yaml", ##"""
id: authorization-scheme-invalid
title: the Authorization header is not Basic at an endpoint that authenticates clients
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 22
  note: Okta documents only Basic for client credentials in the Authorization header and no answer for another scheme there. This generic text was seen verbatim in third-party reports of Okta responses; Okta may answer "No client credentials found." instead.
explanation: |
  At /token, /introspect, /revoke, /par, /device/authorize and /bc/authorize the client
  authenticates itself. In the Authorization header that is only possible with HTTP Basic
  (client_secret_basic: the client id and secret). Two mistakes put something else there: sending
  the client assertion as `Authorization: Bearer <jwt>` (it belongs in the form body as
  `client_assertion`, with `client_assertion_type`), and sending an access token as Bearer to
  /introspect or /revoke (the token to inspect goes in the `token` parameter; the client still
  authenticates as its app is registered). A Bearer token authenticates a call to a resource
  server, never the client at the authorization server.
fix: "Take the client credential out of that Authorization header: {fix}."
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 6749 section 2.3.1
  - RFC 7523 section 2.2
"""##),
        ("base64url-lenient.yaml", ##"""
id: base64url-lenient
title: a segment is base64 with padding or the standard alphabet, not base64url
severity: warning
explanation: |
  JWS segments are base64url without padding (RFC 7515 §2): `-` and `_` instead of `+` and `/`, and no
  trailing `=`. assertlint decodes the other forms to judge the claims, but a strict JOSE decoder
  refuses them, and a server that verifies the signature over the text it received and one that
  re-encodes the segments disagree. Okta's behaviour with such tokens is not documented. The cause is
  an assertion assembled by hand with a general base64 function (`btoa`, `base64.b64encode`,
  `Convert.ToBase64String`, `base64 -w0`) instead of a JWT library. The signature covers the encoded
  header and payload, so re-encoding them means signing again.
fix: Encode each segment as base64url without padding (replace `+` with `-` and `/` with `_`, drop trailing `=`), then sign the re-encoded header and payload again; a JWT library does both.
references:
  - RFC 7515 section 2
  - RFC 7515 section 7.1
  - RFC 4648 section 5
"""##),
        ("claim-type-invalid.yaml", ##"""
id: claim-type-invalid
title: a claim has the wrong JSON type
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 49
  note: >-
    How Okta treats claims of the wrong type is not documented; whether it accepts a NumericDate
    written as a string (as Okta's own service-app guide shows, `"exp": "1614664267"`) is unknown
    (okta-facts note 9). The text is Okta's generic client-authentication failure (seen verbatim in
    third-party reports); that Okta answers with it is assertlint's prediction.
explanation: |
  RFC 7519 fixes the types of the registered claims: `exp`, `iat` and `nbf` are NumericDates, JSON
  numbers of seconds since 1970-01-01T00:00:00Z (fractions are allowed); `iss`, `sub` and `jti` are
  strings; `aud` is a string or an array of strings. A strict JWT library refuses `"exp": "1614664267"`
  (a string) or reads it as missing, and a number such as `1e309` overflows every clock. A negative
  time is valid JSON but no signer produces it. Okta's service-app guide itself shows `exp` as a
  string; whether Okta accepts that is unknown, so assertlint reports it rather than guess. A claim
  reported here is not judged by the other claim rules (a string `exp` is not also exp-missing).
fix: "Write `{claim}` as {expected}: {corrected}, and sign a new assertion."
references:
  - https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/
  - RFC 7519 section 2
  - RFC 7519 section 4.1
"""##),
        ("client-id-mismatch.yaml", ##"""
id: client-id-mismatch
title: the client_id parameter names a different client
severity: error
okta:
  status: 401
  error: invalid_client
  verbatim: false
  precedence: 32
  note: Okta's answer when the client_id parameter (or the Basic user) differs from the assertion's sub or from the app is not documented; invalid_client with 401 is likely, possibly "Client authentication failed. Either the client or the client credentials are invalid." Okta's error_description for it is not known, so assertlint shows none.
explanation: |
  The `client_id` parameter is optional with a client assertion, but when it is sent it must name
  the same client as the assertion's `sub` (and `iss`), and the app the request is meant for. The
  server looks the client up by one of them and checks the signature with that client's key, so a
  mismatch means either the wrong key is used or the wrong app is authenticated. The usual causes
  are a client id copied from another app or environment (dev vs prod org), and an assertion built
  by a library for a different configuration than the form parameters.
  When the app's client id is known, differences between it and the assertion's `iss`/`sub` are
  reported as iss-mismatch and sub-mismatch.
fix: 'Use one client id everywhere: set `client_id` (and the Basic user, if any) to "{client_id}", the same value as the assertion''s `iss` and `sub`.'
references:
  - RFC 7523 section 3
  - RFC 7521 section 4.2
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
"""##),
        ("client-id-missing.yaml", ##"""
id: client-id-missing
title: nothing in the request names the client
severity: error
okta:
  status: 400
  error: invalid_client
  error_description: A client_id must be provided in the request.
  verbatim: false
  precedence: 30
  note: Verbatim from a recorded response (an assertion with empty iss and sub, no client_id parameter) made through a proxy in front of an Okta org (department-of-veterans-affairs/vets-api test cassettes), not from Okta's docs. The same text has also been seen in Okta's API error shape (errorCode/errorSummary).
explanation: |
  Before it can check a client assertion, the server must know which client is calling, to look up
  its registered key or secret. It takes the client id from the `client_id` parameter, the user of a
  Basic Authorization header, or the assertion's `iss` and `sub` (RFC 7523 section 3: both are the
  client id). When all of them are missing or empty, the client cannot be identified. Okta checks
  this before the assertion's audience and lifetime.
fix: Set `iss` and `sub` in the assertion to the client id ("{client_id}") and sign it again; sending `client_id={client_id}` in the body as well is allowed.
references:
  - RFC 7523 section 3
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
"""##),
        ("content-type-invalid.yaml", ##"""
id: content-type-invalid
title: the body is not application/x-www-form-urlencoded
severity: error
okta:
  status: 400
  error: E0000021
  error_description: Bad request. Accept and/or Content-Type headers likely do not match supported values.
  verbatim: false
  precedence: 12
  api_error_shape: true
  note: Seen verbatim in a third-party report of an Okta response to a JSON body (Kong/volcano-agent-sdk#21), not in Okta's docs. It comes back in Okta's API error shape (errorCode/errorSummary), not as an OAuth error.
explanation: |
  OAuth endpoints read their parameters from an application/x-www-form-urlencoded body
  (RFC 6749 sections 4.4.2 and 2.3.1), sent with `Content-Type: application/x-www-form-urlencoded`.
  Okta rejects a JSON body, a multipart body (curl -F) or a body without that Content-Type before
  it looks at any parameter, so no client authentication happens. HTTP libraries that serialize
  objects to JSON by default (axios, fetch with JSON.stringify, requests' `json=`) are the usual cause.
  assertlint judges the parameters themselves once they are sent form-encoded.
fix: "Send the parameters form-encoded with the header `Content-Type: application/x-www-form-urlencoded`: {body}"
references:
  - RFC 6749 section 4.4.2
  - RFC 6749 section 2.3.1
"""##),
        ("crit-unsupported.yaml", ##"""
id: crit-unsupported
title: The header's crit lists extensions no verifier implements
severity: error
explanation: |
  The JWS header parameter `crit` (RFC 7515 §4.1.11) names header extensions the verifier must
  understand; a verifier that does not understand one of them, or finds `crit` malformed (not an
  array, empty, holding non-strings, naming a parameter the JWS specification defines, or naming a
  parameter absent from the header), must reject the JWS. Client-assertion verifiers implement no
  JWS extensions, so an assertion carrying `crit` is rejected by a conforming server even when the
  signature and every claim are right. Okta's handling of `crit` is not documented and no Okta error
  text for it was found, so assertlint does not predict Okta's answer here.
fix: Remove `crit` (and the extension parameters it lists) from the header, and sign a new assertion.
references:
  - RFC 7515 section 4.1.11
  - RFC 7523 section 3
"""##),
        ("endpoint-not-announced.yaml", ##"""
id: endpoint-not-announced
title: the request goes to a URL the server does not announce
severity: warning
explanation: |
  Only checked when the server's discovery document was read (`--online`, or a fixture's `server:`).
  The document lists the server's endpoints (`token_endpoint`, `introspection_endpoint`,
  `revocation_endpoint`, `pushed_authorization_request_endpoint`, ...). A request to any other URL goes
  to a different authorization server (Org server vs a custom one, another server id), another host
  (okta.com vs a custom URL domain), or a path the server does not serve. Since Okta requires `aud` to
  be the URL invoked, an assertion minted for the announced endpoint will not match either.
fix: Send the request to "{endpoint}", as the server announces it, with an assertion whose `aud` is that URL.
references:
  - https://openid.net/specs/openid-connect-discovery-1_0.html
  - RFC 8414 section 2
"""##),
        ("endpoint-not-client-auth.yaml", ##"""
id: endpoint-not-client-auth
title: a client assertion is sent to an endpoint that does not authenticate clients
severity: error
explanation: |
  Client assertions authenticate the client at the endpoints that take client credentials: /token,
  /introspect, /revoke, /par, /device/authorize and /bc/authorize. Other endpoints ignore or refuse
  them:
  - /authorize is where the user's browser goes; the client authenticates afterwards, when it
    exchanges the code at /token (or before, when it pushes the request to /par).
  - /keys publishes the authorization server's own signing keys. The client's public key is
    registered in the app (or published at its jwks_uri), never sent to /keys.
  - /userinfo takes an access token (`Authorization: Bearer`), obtained from /token first.
  - The discovery documents (/.well-known/openid-configuration, /.well-known/oauth-authorization-server)
    are public; read `token_endpoint` from them and send the request there.
  Remember that `aud` must name the endpoint the assertion is finally sent to.
fix: Send the request with the client assertion to {endpoint}, and set the assertion's `aud` to that URL.
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 8414 section 2
"""##),
        ("exp-expired.yaml", ##"""
id: exp-expired
title: the assertion has expired
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client_assertion token is expired.
  verbatim: false
  precedence: 51
  note: >-
    Seen verbatim in third-party reports and a mock of Okta's /token (okta-facts V3), not in an
    Okta-owned source.
explanation: |
  Okta refuses an assertion whose `exp` is at or before the time it receives the request
  (RFC 7519 §4.1.4: not accepted "on or after" exp). Usual causes: an assertion minted once and
  cached or reused after its lifetime, an `exp` computed in milliseconds divided wrongly or in the
  wrong time zone, a lifetime of a few seconds on a slow network, or a client clock that runs behind.
  A pasted assertion from an earlier attempt is expired when judged against this machine's clock:
  use `--now` (or `now:` in a fixture) to judge it at the time it was sent.
fix: Mint a new assertion for each request with `exp` a few minutes ahead, e.g. now + 5 minutes = {exp} ({exp_utc}), and check the client's clock.
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7519 section 4.1.4
  - RFC 7523 section 3
"""##),
        ("exp-missing.yaml", ##"""
id: exp-missing
title: the assertion has no exp
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 50
  note: >-
    Okta documents `exp` as required but no error text for a missing `exp` was found (okta-facts
    "Not found"). The text is Okta's generic client-authentication failure (seen verbatim in
    third-party reports); that Okta answers this case with it is assertlint's best prediction.
explanation: |
  RFC 7523 §3 requires `exp`, and Okta requires it too: it is the time after which the assertion must
  not be accepted, and Okta caps it at one hour after the request. An assertion without `exp` would
  be valid forever, so it is refused. JWT libraries add `exp` only when asked to (an expiry option,
  or the claim set by hand).
fix: Add `exp` a few minutes after the request is sent, e.g. now + 5 minutes = {exp} ({exp_utc}), at most 60 minutes ahead, and sign a new assertion.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7523 section 3
  - RFC 7519 section 4.1.4
"""##),
        ("exp-near-cap.yaml", ##"""
id: exp-near-cap
title: exp is within 5 minutes of Okta's one-hour cap
severity: warning
explanation: |
  Okta refuses an `exp` more than one hour after the request, measured on Okta's clock, with no
  leeway (exp-too-far). An `exp` between 55 and 60 minutes ahead is accepted only while the clock
  that computed it is no further ahead of Okta's than the minutes left: `exp` = now + 1 hour fails as
  soon as the client's clock runs a second fast or the request is signed a moment before it is sent.
  Reports of intermittent "expiration too far into the future" errors come from this, and
  okta-sdk-python moved from 60 to 50 minutes for it. Nothing needs an assertion to live that long:
  a new one can be signed for each request.
fix: Use a shorter lifetime, e.g. now + 5 minutes = {exp} ({exp_utc}); at most 50 minutes leaves room for clock skew.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - okta/okta-sdk-python okta/jwt.py (commit 83dd6f97, exp now + 50 min)
  - RFC 7519 section 4.1.4
"""##),
        ("exp-too-far.yaml", ##"""
id: exp-too-far
title: exp is more than one hour ahead
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client_assertion token has an expiration too far into the future.
  verbatim: true
  precedence: 52
  note: >-
    Okta's workshop blog shows this text without the final period; third-party reports show it with
    one. The HTTP status is not shown in Okta's sources; 401 is what Okta returns for invalid_client.
explanation: |
  Okta refuses an assertion whose `exp` is more than one hour (3600 s) after the time it receives the
  request, measured on Okta's clock, with no leeway. `exp` = now + 1 hour sits exactly on the limit:
  a client clock a few seconds fast, or a little delay, turns it into this error (see exp-near-cap).
  Other causes: `exp` in milliseconds instead of seconds, a lifetime of a day meant for access
  tokens, or a client clock far ahead. Okta's SDKs use 5 minutes (okta-auth-js) or 50 minutes
  (okta-sdk-python, "in case of clock skew").
fix: Set `exp` at most 60 minutes after the request, preferably a few minutes, e.g. now + 5 minutes = {exp} ({exp_utc}), and sign a new assertion.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/
  - RFC 7519 section 4.1.4
"""##),
        ("grant-type-invalid.yaml", ##"""
id: grant-type-invalid
title: grant_type is missing or not a grant type
severity: error
okta:
  status: 400
  error: unsupported_grant_type
  verbatim: false
  precedence: 75
  note: unsupported_grant_type with 400 is what RFC 6749 section 5.2 prescribes for an unknown grant type; Okta's exact description is not documented, and a missing grant_type may be answered with invalid_request instead. Okta's error_description for it is not known, so assertlint shows none.
explanation: |
  Every token request names its grant in `grant_type`: `client_credentials` for a service app
  acting for itself, `authorization_code`, `refresh_token`, `urn:ietf:params:oauth:grant-type:device_code`,
  `urn:ietf:params:oauth:grant-type:token-exchange`, `urn:ietf:params:oauth:grant-type:jwt-bearer`,
  `urn:ietf:params:oauth:grant-type:saml2-bearer`, `urn:openid:params:grant-type:ciba`, `password`,
  and Okta's `interaction_code`. The value is compared exactly: `client-credentials` with a
  hyphen, `client_credential` without the s, or a trailing space or line break is not a grant type.
  Okta authenticates the client before it looks at the grant, so this error shows only once the
  client authentication is right. The grant type must also be enabled for the app (Grant type in
  the app's General settings) and allowed by an access policy rule of the authorization server.
fix: Set `grant_type` to "{grant_type}".
references:
  - RFC 6749 section 4.4.2
  - RFC 6749 section 5.2
"""##),
        ("iat-future.yaml", ##"""
id: iat-future
title: iat is in the future
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 53
  note: >-
    Okta documents that `iat`, when present, must be before the request is received, but no error
    text for it was found (okta-facts "Not found"), nor how much clock skew Okta tolerates. The text
    is Okta's generic client-authentication failure (seen verbatim in third-party reports); that Okta
    answers this case with it is assertlint's best prediction.
explanation: |
  `iat` is optional; when present, Okta requires it to be before the time it receives the request. An
  `iat` in the future almost always means the clock of the machine that signed the assertion runs
  fast, or that `iat` was computed in milliseconds or in local time mistaken for UTC.
  Okta does not document a tolerance. assertlint reports an `iat` more than 60 seconds ahead of now
  and stays silent up to 60 seconds, the usual leeway of JOSE libraries, so that ordinary clock
  drift between two synchronised machines is not reported; a real Okta org may be stricter.
fix: Set `iat` to the time the assertion is signed, {iat} ({iat_utc}) for now, from a clock synchronised with NTP; or leave `iat` out.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7519 section 4.1.6
"""##),
        ("iss-mismatch.yaml", ##"""
id: iss-mismatch
title: iss is not the client_id
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 32
  note: >-
    Okta documents that `iss` must be the client_id but no error text for a wrong or missing `iss` was
    found (okta-facts "Not found"). The text is Okta's generic client-authentication failure (seen
    verbatim in third-party reports); that Okta answers this case with it is assertlint's best
    prediction. When `iss` and `sub` are both empty and no client_id parameter is sent, Okta is
    recorded answering `A client_id must be provided in the request.` (see client-id-missing).
explanation: |
  In a client assertion both `iss` (who made the JWT) and `sub` (whom it is about) are the app's
  client_id, the same value, exactly, letter case included (RFC 7523 §3; Okta's client
  authentication docs). Okta uses them to find the client whose key or secret verifies the signature,
  so a missing or different value fails client authentication. Common causes are the app's name, a
  user id, the org URL or the Okta domain put in `iss`, a client id with a trailing space or newline
  copied from a file, and the client_id of another app.
  assertlint judges `iss` against the registered client_id (`--client-id`, `app.client_id`). Without
  one it still reports a missing or empty `iss`, reports `iss` ≠ `sub` once (as iss-mismatch: they
  cannot both be the client_id), and compares `iss` with the request's `client_id` parameter only when
  `iss` and `sub` disagree; when they agree with each other but not with the parameter, that is
  client-id-mismatch.
fix: Set `iss` to {client_id} and sign a new assertion; in a client assertion `iss` and `sub` both carry the app's client_id (Okta Admin Console > Applications > the app > General > Client Credentials).
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7523 section 3
  - RFC 7521 section 5.2
  - RFC 7519 section 4.1.1
"""##),
        ("jku-x5u-present.yaml", ##"""
id: jku-x5u-present
title: the assertion's header names a URL to fetch keys from (jku or x5u)
severity: warning
explanation: |
  `jku` (a JWKS URL) and `x5u` (an X.509 certificate URL) tell a verifier where to download the key
  that checks the signature. In a client assertion both are controlled by whoever wrote the token, so
  a verifier that follows them lets an attacker supply the key that verifies the attacker's own
  signature. A verifier must use only the keys registered for the client.
  Okta verifies client assertions with the keys registered for the app (its JWKS, or the JWKS URL
  configured on the app) and documents no use of `jku` or `x5u`; that Okta ignores these headers is
  assertlint's inference, not an Okta statement. assertlint never fetches either URL, also not in
  online mode.
fix: Remove `{header}` from the assertion's header; register the public key (or a JWKS URL) on the app instead.
references:
  - RFC 7515 sections 4.1.2 and 4.1.5
  - RFC 8725 section 3.10
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
"""##),
        ("json-duplicate-key.yaml", ##"""
id: json-duplicate-key
title: a header or payload member appears twice
severity: warning
explanation: |
  JSON allows a member name to repeat, but JSON parsers disagree on what it means: most keep the last
  value, some the first, some refuse the document. RFC 7515 §4 and RFC 7519 §4 say a JOSE parser must
  either reject such a header or payload or use the last value. When the server that verifies a token
  and the code that reads it pick different values (two `exp`, two `kid`, two `alg`), a token can say
  one thing to the check and another to the use: a known class of JWT attacks. A repeated member in
  an assertion you built is a bug in the code that builds it. assertlint judges the last value.
fix: Keep one `{key}` in the {part}, with the value you mean (assertlint read {value}), and sign a new assertion.
references:
  - RFC 7515 section 4
  - RFC 7519 section 4
  - RFC 8259 section 4
"""##),
        ("jti-missing.yaml", ##"""
id: jti-missing
title: the assertion has no jti, so it can be replayed
severity: warning
explanation: |
  Okta does not require `jti`. When it is present, Okta accepts the assertion once and refuses every
  later use of the same `jti` (jti-reused); without it, Okta has nothing to detect a replay with, and
  anyone who captures the assertion (a log line, a proxy, a copied curl command) can authenticate as
  the client until `exp`. Okta's own SDKs now set a random `jti` (okta-sdk-golang added it after
  issue #458). An empty string gives no protection either.
fix: Add a `jti` unique to each assertion, e.g. a random UUID, and sign a new assertion for every request.
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://github.com/okta/okta-sdk-golang/issues/458
  - RFC 7519 section 4.1.7
  - RFC 7523 section 3
"""##),
        ("jti-reused.yaml", ##"""
id: jti-reused
title: the jti has already been used
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client_assertion token has already been used.
  verbatim: true
  precedence: 60
explanation: |
  When an assertion carries a `jti`, Okta accepts it once: a second request with the same `jti`
  fails, even one made seconds later with otherwise valid claims. Okta records the `jti` even when
  the request fails for another reason; in particular, a token request answered with
  `use_dpop_nonce` has consumed the assertion, so the DPoP retry must sign a new client assertion
  with a new `jti`, not only a new DPoP proof (Okta's SDKs do this). Other causes: an assertion cached
  and reused across requests, the same assertion sent to /token and then to /introspect or /revoke
  (which also need their own `aud`), an HTTP client that retries automatically, or a `jti` that is
  not random (a counter reset at start-up, a timestamp).
  assertlint knows which `jti` values were used only from `seen_jtis` in a fixture or `--seen-jti`.
fix: Sign a new assertion with a fresh `jti` (e.g. a random UUID) for every request, including each DPoP nonce retry.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://developer.okta.com/docs/guides/dpop/
  - okta/okta-sdk-python okta/oauth.py (_retry_token_with_dpop_nonce)
  - RFC 7519 section 4.1.7
"""##),
        ("jwks-duplicate-kid.yaml", ##"""
id: jwks-duplicate-kid
title: Two registered keys share a kid
severity: warning
explanation: |
  A `kid` must identify one key within a JWKS (RFC 7517 section 4.5; Okta requires unique kids).
  With two keys under one kid a server cannot tell which one an assertion names and may verify
  with the wrong one. This usually happens when a rotated key is added with the old kid.
fix: Give every registered key its own kid (rename the second "{kid}"), and send that kid in assertions signed with it.
references:
  - RFC 7517 section 4.5
  - https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationSSOPublicKeys/
"""##),
        ("jwks-enc-key.yaml", ##"""
id: jwks-enc-key
title: A registered key is marked for encryption, not signatures
severity: warning
explanation: |
  A JWK with `use: enc` (or `key_ops` without `verify`) is meant for encrypting data, not for
  verifying signatures. A server that honours `use` will not verify a client assertion with it;
  one that ignores it blurs the separation between encryption and signing keys. Register
  signing keys with `use: sig` or without `use`.
fix: 'Register the signing key {key} with "use": "sig" (or without `use`), and keep encryption keys out of the client authentication JWKS.'
references:
  - RFC 7517 section 4.2
  - RFC 7517 section 4.3
"""##),
        ("jwks-private-key.yaml", ##"""
id: jwks-private-key
title: The registered JWKS contains a private key
severity: warning
explanation: |
  A JWKS registered for `private_key_jwt` holds public keys only. Private members (`d`, `p`,
  `q`, `dp`, `dq`, `qi`) or an `oct` key's `k` in it mean the secret half of the key was
  published: anyone who can read the app's configuration or the `jwks_uri` can sign assertions
  as the client. Key generators often print the private and public JWK side by side, and the
  wrong one gets pasted.
fix: Remove {members} from {key} and register the public JWK only; since the private key was exposed, replace the key pair.
references:
  - RFC 7517 section 4
  - RFC 7518 section 6.3.2
"""##),
        ("jwks-too-many-keys.yaml", ##"""
id: jwks-too-many-keys
title: The JWKS holds more keys than Okta registers
severity: warning
explanation: |
  Okta keeps at most 50 public keys per client (OKTA-435434). A longer JWKS is refused when it
  is registered, or keys beyond the limit are not available to verify assertions. Old keys that
  were never removed after rotation are the usual cause.
fix: Remove keys no longer used to sign, keeping at most {limit}.
references:
  - https://developer.okta.com/docs/release-notes/2021/
"""##),
        ("jwt-bearer-grant-for-client-auth.yaml", ##"""
id: jwt-bearer-grant-for-client-auth
title: a client assertion is sent as a JWT bearer grant instead of as client authentication
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: No client credentials found.
  verbatim: false
  precedence: 23
  note: The text is Okta's for a request without client credentials; that Okta checks client authentication before it looks at a JWT bearer grant is assertlint's inference.
explanation: |
  RFC 7523 uses a JWT in two different ways. As an authorization grant (section 2.1,
  `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` with `assertion`), the JWT stands for a
  user and comes from an issuer the authorization server trusts. As client authentication (section
  2.2, `client_assertion` with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`),
  the client signs a JWT about itself, with iss = sub = its client id. A JWT with iss = sub sent as
  the grant is a client assertion in the wrong place: the request then has no client
  authentication at all, and a service app that wants a token for itself uses
  `grant_type=client_credentials`.
fix: "Send `grant_type=client_credentials` (with `scope`), and move the JWT to `client_assertion` with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`; its `aud` must be \"{token_url}\"."
references:
  - RFC 7523 sections 2.1 and 2.2
  - https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
"""##),
        ("jwt-malformed.yaml", ##"""
id: jwt-malformed
title: client_assertion is not a compact JWS
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The parsing of the client_assertion failed.
  verbatim: false
  precedence: 28
  note: >-
    This text was seen verbatim in third-party reports, not in Okta's docs, and which parse failures
    produce it is unclear. The status and `error` are assertlint's prediction (Okta answers
    client-authentication failures with 401 invalid_client).
explanation: |
  A client assertion is a signed JWT in compact serialization (RFC 7515 §7.1): three base64url
  segments, `header.payload.signature`, whose header and payload are JSON objects, the header with a
  string `alg`. Okta must decode it before it can check anything else, so a value that is not one
  (cut short, with quotes, spaces or line breaks inside, percent-encoded twice, an encrypted JWE with
  five segments, an opaque token or a client secret sent in its place) fails before any claim is
  looked at. This is the only finding such an assertion gets: its claims cannot be read.
fix: "{hint} A compact JWS is `base64url(header).base64url(payload).base64url(signature)`, sent whole in `client_assertion`."
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - https://github.com/freizl/hoauth2/issues/215
  - RFC 7515 section 7.1
  - RFC 7523 section 3
"""##),
        ("key-too-weak.yaml", ##"""
id: key-too-weak
title: A registered RSA key is shorter than 2048 bits
severity: error
explanation: |
  Since June 2020 (OKTA-283603) Okta refuses to register RSA public keys shorter than 2048 bits
  for client authentication, and NIST has disallowed 1024-bit RSA signatures since 2013. A key
  that was registered earlier, or a JWKS prepared for another server, may still hold one; the
  private key a client signs with (when given) is checked the same way.
fix: Generate a new RSA key of at least {bits} bits (or an EC P-256 key), register its public key and sign with it.
references:
  - https://developer.okta.com/docs/release-notes/2020/
  - NIST SP 800-131A Rev. 2
"""##),
        ("kid-missing.yaml", ##"""
id: kid-missing
title: The assertion has no kid but the app has several keys
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client_assertion JWT kid is invalid.
  verbatim: true
  precedence: 45
explanation: |
  When an app registers more than one public key, Okta uses the `kid` in the assertion's header
  to choose the key that verifies the signature. Without a `kid` (or with an empty one) it
  cannot choose and rejects the assertion. A JWK may omit `kid` only when the JWKS holds a single
  key; then an assertion without `kid` is verified with that key. Key rotation is the usual
  cause: a second key is added and the signer never started sending `kid`.
fix: Add `kid` to the assertion header with the kid of the registered key you sign with ({kid}), and sign again.
references:
  - https://support.okta.com/help/s/article/okta-client-assertion-error-invalid-key-id
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7515 section 4.1.4
"""##),
        ("kid-unknown.yaml", ##"""
id: kid-unknown
title: The assertion's kid names no registered key
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client_assertion JWT kid is invalid.
  verbatim: true
  precedence: 45
explanation: |
  Okta looks up the header's `kid` among the public keys registered for the app (Public keys in
  the app's General tab, or its JWKS). A `kid` that matches none of them fails, even when the
  signature would verify with one of the keys: the kid is compared as an exact, case-sensitive
  string. Typical causes are a kid from another environment, a key rotated in the signer but not
  registered, or a kid generated by a library (e.g. a thumbprint) that differs from the one the
  key was registered with. An app whose JWKS holds no keys fails the same way. When the private
  key is given (`--private-key`), assertlint prints its RFC 7638 thumbprint and says whether it is
  one of the registered keys.
fix: "Make the header's `kid` name a registered key: {action}, and sign again."
references:
  - https://support.okta.com/help/s/article/okta-client-assertion-error-invalid-key-id
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7638
"""##),
        ("method-not-post.yaml", ##"""
id: method-not-post
title: the request is not a POST
severity: error
okta:
  status: 405
  error: invalid_request
  verbatim: false
  precedence: 10
  note: Okta's response to a GET (or other non-POST) request at /token, /introspect or /revoke is not documented; the status is likely 405 Method Not Allowed, possibly 400 invalid_request. Okta's error_description for it is not known, so assertlint shows none.
explanation: |
  The endpoints that authenticate clients (/token, /introspect, /revoke, /par, /device/authorize,
  /bc/authorize) take POST requests with the parameters in an application/x-www-form-urlencoded
  body (RFC 6749 sections 3.2 and 2.3.1). Client credentials must never travel in a URL, where
  proxies and logs keep them. With curl, `-G` (or `--get`) turns the `-d` data into a query string
  and sends a GET; `-X GET` sends a GET with a body most servers ignore. Okta refuses the request
  before it reads any parameter, so assertlint judges the parameters once the request is a POST.
fix: Send a POST to {endpoint} with the parameters in an application/x-www-form-urlencoded body; with curl, drop `-G`/`--get` and `-X GET` and pass the parameters with `-d` or `--data-urlencode`.
references:
  - RFC 6749 section 3.2
  - RFC 6749 section 2.3.1
"""##),
        ("multiple-credentials.yaml", ##"""
id: multiple-credentials
title: the request carries more than one client credential
severity: error
okta:
  status: 401
  error: invalid_request
  error_description: "Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body."
  verbatim: false
  precedence: 20
  note: Verbatim from several recorded responses, not from Okta's docs. Note the unusual pairing of invalid_request with HTTP 401. One third-party report says a Basic header plus only `client_id` in a /par body also trips it; that is not confirmed by Okta, and assertlint does not report it.
explanation: |
  A client authenticates one way per request (RFC 6749 section 2.3): an Authorization header
  (client_secret_basic), `client_secret` in the body (client_secret_post), or `client_assertion`
  in the body (client_secret_jwt, private_key_jwt). Okta refuses a request that carries more than
  one, even when they agree (the same secret in the header and the body). Libraries often add a
  Basic header by default; when the code also sends a client assertion or a body secret, the
  request ends up with two. Keep the one the app's "Client authentication" setting names.
fix: "Send exactly one credential: {keep}."
references:
  - RFC 6749 section 2.3
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
"""##),
        ("nbf-future.yaml", ##"""
id: nbf-future
title: nbf is in the future
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 54
  note: >-
    Okta does not document `nbf` in client assertions at all (okta-facts), so neither whether it is
    checked nor its error text is known. The text is Okta's generic client-authentication failure
    (seen verbatim in third-party reports); that Okta answers this case with it is assertlint's
    prediction, following RFC 7519.
explanation: |
  `nbf` (not before) is optional; RFC 7519 §4.1.5 says a JWT must not be accepted before that time.
  Okta's documentation does not mention `nbf` for client assertions; a server that follows RFC 7519
  refuses an assertion that is not valid yet, so assertlint treats it as Okta's failure. An `nbf` in
  the future usually means the signing machine's clock runs fast, or `nbf` was set in milliseconds.
  assertlint reports an `nbf` more than 60 seconds ahead of now and stays silent up to 60 seconds,
  the usual leeway of JOSE libraries.
fix: Leave `nbf` out, or set it to the time of signing or earlier, {nbf} ({nbf_utc}) for now, from a clock synchronised with NTP.
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7519 section 4.1.5
"""##),
        ("no-credentials.yaml", ##"""
id: no-credentials
title: a confidential client sends no credentials
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: No client credentials found.
  verbatim: true
  precedence: 23
explanation: |
  A confidential client (a service app or a web app, anything whose client authentication is not
  "None") must authenticate at /token, /introspect, /revoke, /par, /device/authorize and
  /bc/authorize. The request carries no Authorization header, no `client_secret` and no
  `client_assertion`; a `client_id` parameter identifies the client but does not authenticate it.
  Apps that authenticate with a signed JWT are reported as assertion-missing instead. When the app's
  client authentication and type are both unknown, assertlint assumes a confidential client, as
  Okta's default client authentication is client_secret_basic, and says so in the message; a
  client_credentials request is confidential by definition. A request that redeems a code with PKCE
  (`code_verifier`) may come from a public client (SPA or native app, which sends only `client_id`),
  so it is not judged without `--auth-method` or `--app-type`.
fix: "Authenticate the client: {how}."
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 6749 section 2.3
"""##),
        ("org-server-requires-private-key-jwt.yaml", ##"""
id: org-server-requires-private-key-jwt
title: client_credentials at the Org authorization server without private_key_jwt
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.
  verbatim: true
  precedence: 70
  note: The description is Okta's (support article and guides); the status and `error` code that come with it are not documented. 401 invalid_client is likely.
explanation: |
  The Okta Org authorization server (issuer `https://{yourOktaDomain}`, token URL
  `https://{yourOktaDomain}/oauth2/v1/token`) issues client_credentials tokens only for Okta's own
  APIs (okta.* scopes), and only to service apps that authenticate with private_key_jwt. A client
  secret (in the Basic header or the body) or an HS256 assertion signed with the secret
  (client_secret_jwt) is refused there, even though the same app may use it at a custom
  authorization server. The documented exception is Okta Integration Network (OIN) API service
  integrations, which use a client secret with client_credentials at the Org server; an app you
  create yourself in the Admin Console is not one.
fix: "In the Admin Console, open the app (Applications > the app > General > Client Credentials > Edit), set Client authentication to \"Public key / Private key\" and add your public key (or a JWKS URL). Then sign an assertion with the private key (RS256 or ES256; iss and sub = the client id, aud = \"{token_url}\", a short exp, a new jti) and send it as `client_assertion` with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` instead of the secret. If you want to keep the client secret, request a token for your own API from a custom authorization server instead: {custom_token_url} (it cannot grant okta.* scopes)."
references:
  - https://support.okta.com/help/s/article/client-credentials-requests-to-the-org-auithorization-server-must-use-the-private-key-jwt-token-endpoint-auth-method
  - https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
  - https://developer.okta.com/docs/guides/build-api-integration/main/
"""##),
        ("parameter-repeated.yaml", ##"""
id: parameter-repeated
title: a request parameter is sent more than once
severity: error
okta:
  status: 400
  error: invalid_request
  verbatim: false
  precedence: 15
  note: RFC 6749 forbids repeated parameters; Okta's answer to one is not documented. invalid_request with 400 is what RFC 6749 section 5.2 prescribes; Okta's error_description for it is not known, so assertlint shows none.
explanation: |
  Request and response parameters must not be included more than once (RFC 6749 section 3.2 for
  the token endpoint, section 2.3 for client credentials). A server may reject the request or
  silently read only the first or the last value, so the one you meant may not be the one used.
  Repeats usually come from `-d` given twice for the same name in curl, a library that adds
  `client_id` or `grant_type` itself while the code adds it too, or scopes sent one per parameter
  instead of space-separated in one `scope`.
fix: "Send `{parameter}` once: {advice}."
references:
  - RFC 6749 section 3.2
  - RFC 6749 section 2.3
"""##),
        ("policy-alg.yaml", ##"""
id: policy-alg
title: The assertion is signed with an algorithm the organisation's policy does not allow
severity: error
explanation: |
  Your `.assertlint.yml` lists the signing algorithms your organisation allows in
  `policy.allowed_algs`. Okta accepts more (RS256 to RS512 and ES256 to ES512 for
  private_key_jwt, HS256 to HS512 for client_secret_jwt); this is your organisation's rule, not
  Okta's, so Okta may well accept the request.
fix: Sign the assertion with one of {allowed_algs}, with a key of that type registered for the app.
references:
  - RFC 7518 section 3.1
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
"""##),
        ("policy-jti-required.yaml", ##"""
id: policy-jti-required
title: The assertion has no jti, which the organisation's policy requires
severity: error
explanation: |
  Your `.assertlint.yml` sets `policy.require_jti: true`. A unique `jti` lets the server refuse a
  replayed assertion. Okta's Org authorization server and many others accept assertions without one
  (RFC 7523 makes `jti` optional), so this is your organisation's rule, not Okta's.
fix: Add a unique `jti` claim (a random UUID for every assertion) and sign a new assertion.
references:
  - RFC 7523 section 3
  - RFC 7519 section 4.1.7
"""##),
        ("policy-kid-required.yaml", ##"""
id: policy-kid-required
title: The assertion header has no kid, which the organisation's policy requires
severity: error
explanation: |
  Your `.assertlint.yml` sets `policy.require_kid: true`. With a `kid` the server picks the one
  registered key that verifies the assertion, so keys can be rotated without failed requests while
  both keys are registered. Okta tries the registered keys when `kid` is absent, so this is your
  organisation's rule, not Okta's.
fix: Put the `kid` of the signing key (as registered in the app's JWKS) in the assertion header and sign a new assertion.
references:
  - RFC 7515 section 4.1.4
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
"""##),
        ("policy-lifetime.yaml", ##"""
id: policy-lifetime
title: The assertion lives longer than the organisation's policy allows
severity: error
explanation: |
  Your `.assertlint.yml` sets `policy.max_lifetime`: the longest an assertion may live, counted from
  `iat` to `exp` (from the request time when there is no `iat`). Okta itself accepts up to one hour;
  a shorter lifetime limits how long a leaked assertion can be replayed. This is your organisation's
  rule, not Okta's: Okta does not reject these requests.
fix: Mint the assertion with `exp` at most {max_lifetime} seconds after `iat` (here exp {exp}).
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7523 section 3
"""##),
        ("private-key-committed.yaml", ##"""
id: private-key-committed
title: A private key is committed in the file
severity: error
explanation: |
  The file holds a private key: a JWK with private members (`d`, and for RSA `p`, `q`, `dp`, `dq`,
  `qi`) in the app's JWKS, or a PEM block that begins `-----BEGIN ... PRIVATE KEY-----`. Whoever
  can read the repository can sign assertions as the client. The JWKS registered with the server
  (and used by fixtures) needs only the public members (`kty`, `kid`, `n`, `e` or `crv`, `x`, `y`).
fix: Remove the private members (or the PEM block) from the file, keep the private key in a secret store, and rotate the key if this was ever pushed.
references:
  - RFC 7517 section 4
  - RFC 7518 section 6.3.2
  - https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
"""##),
        ("scope-invalid-for-server.yaml", ##"""
id: scope-invalid-for-server
title: the requested scopes are not ones this authorization server can grant
severity: error
okta:
  status: 400
  error: invalid_scope
  error_description: Custom scopes are not allowed for this request
  verbatim: true
  precedence: 72
  note: This is Okta's answer for custom scopes at the Org authorization server. For Okta API scopes (okta.*) at a custom authorization server each finding carries Okta's other text, "One or more scopes are not configured for the authorization server resource." Okta's answer for a client_credentials request without `scope` at the Org server is not documented; such a finding carries a text recorded from a custom server, marked as unconfirmed.
explanation: |
  Which scopes a client_credentials token can carry depends on the authorization server:
  - The Org authorization server (`/oauth2/v1/token`) mints access tokens only for Okta's own
    management APIs: only okta.* scopes, each granted to the app on its Okta API Scopes tab, and
    they must be requested explicitly. Custom scopes (your own API's, or `openid`) are refused with
    "Custom scopes are not allowed for this request".
  - A custom authorization server (`/oauth2/default/v1/token`, `/oauth2/{id}/v1/token`) mints
    tokens for your own APIs and cannot grant okta.* scopes; asking for one gives "One or more
    scopes are not configured for the authorization server resource.".
  Mixing the two is the usual cause: an app that needs both an Okta API token and a token for its
  own API makes two token requests, one to each server, each with an assertion whose `aud` is that
  server's token URL.
fix: "Request scopes this server can grant: {advice}."
references:
  - https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
  - https://developer.okta.com/docs/concepts/auth-servers/
  - https://support.okta.com/help/s/article/okta-authorization-error-occurs-stating-custom-scopes-are-not-allowed-for-this-request
  - https://support.okta.com/help/s/article/error-one-or-more-scopes-are-not-configured-for-the-authorization-server-resource
"""##),
        ("secret-too-short.yaml", ##"""
id: secret-too-short
title: The client secret is too short for the HMAC
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client secret is too short to verify a JWT HMAC.
  verbatim: true
  precedence: 48
  note: The text is Okta's; status and error are inferred. Okta's documented minimum is 32 characters; the RFC 7518 hash-size minimum for HS384 (48) and HS512 (64) is assertlint's warning, which Okta may not enforce.
explanation: |
  For `client_secret_jwt` Okta keys the HMAC with the client secret and refuses secrets shorter
  than 32 characters (it also refuses to set such a secret for a `client_secret_jwt` app).
  RFC 7518 section 3.2 further requires a key at least as long as the hash: 32 bytes for HS256,
  48 for HS384 and 64 for HS512. A secret between 32 bytes and the hash size is reported as a
  warning: Okta may accept it, but it weakens the MAC.
fix: Generate a client secret of at least {bytes} characters (Okta can generate one), or use HS256 with a 32-character or longer secret.
references:
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7518 section 3.2
"""##),
        ("signature-invalid.yaml", ##"""
id: signature-invalid
title: The signature does not verify
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: The client_assertion signature is invalid.
  verbatim: true
  precedence: 47
  note: The text is Okta's; the 401 status is inferred from Okta's other client-assertion failures.
explanation: |
  Okta verifies the signature over `header.payload` with the registered public key the `kid`
  names (or the app's only key), or for HS256/384/512 with the client secret. It fails when the
  assertion was signed with another key than the registered one (a key from another environment,
  a rotated key, a public key registered for the wrong private key), when the token was altered
  after signing, or when the signature is encoded wrongly. ES256/384/512 signatures in a JWS are
  the raw concatenation r||s of fixed length (64, 96 or 132 bytes, RFC 7518 section 3.4); many
  crypto libraries (OpenSSL, Java's Signature, .NET) return a DER-encoded ASN.1 SEQUENCE instead,
  which no JOSE verifier accepts. For HS* the key is the client secret's characters as bytes: a
  secret that was base64-decoded first, or a rotated secret, gives another MAC.
fix: "{action}"
references:
  - https://support.okta.com/help/s/article/error-occurs-during-authentication-due-to-invalid-client-assertion-signature
  - RFC 7515 section 5.2
  - RFC 7518 section 3.4
"""##),
        ("sub-mismatch.yaml", ##"""
id: sub-mismatch
title: sub is not the client_id
severity: error
okta:
  status: 401
  error: invalid_client
  error_description: Client authentication failed. Either the client or the client credentials are invalid.
  verbatim: false
  precedence: 32
  note: >-
    Okta documents that `sub` must be the client_id but no error text for a wrong or missing `sub` was
    found (okta-facts "Not found"). The text is Okta's generic client-authentication failure (seen
    verbatim in third-party reports); that Okta answers this case with it is assertlint's best
    prediction. When `iss` and `sub` are both empty and no client_id parameter is sent, Okta is
    recorded answering `A client_id must be provided in the request.` (see client-id-missing).
explanation: |
  In a client assertion both `iss` (who made the JWT) and `sub` (whom it is about) are the app's
  client_id, the same value, exactly, letter case included (RFC 7523 §3; Okta's client
  authentication docs). Okta uses them to find the client whose key or secret verifies the signature,
  so a missing or different value fails client authentication. Common causes are the app's name, a
  user id, the org URL or the Okta domain put in `sub`, a client id with a trailing space or newline
  copied from a file, and the client_id of another app.
  assertlint judges `sub` against the registered client_id (`--client-id`, `app.client_id`). Without
  one it still reports a missing or empty `sub`, reports `iss` ≠ `sub` once (as iss-mismatch: they
  cannot both be the client_id), and compares `sub` with the request's `client_id` parameter only when
  `iss` and `sub` disagree; when they agree with each other but not with the parameter, that is
  client-id-mismatch.
fix: Set `sub` to {client_id} and sign a new assertion; in a client assertion `iss` and `sub` both carry the app's client_id (Okta Admin Console > Applications > the app > General > Client Credentials).
references:
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/
  - RFC 7523 section 3
  - RFC 7521 section 5.2
  - RFC 7519 section 4.1.2
"""##),
    ]
}
