// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.
enum BundledCatalog {
    static let sources: [(name: String, yaml: String)] = [
        ("assertion-live.yaml", ##"""
id: assertion-live
title: A committed assertion has not expired yet and can be replayed
severity: warning
explanation: |
  The assertion's `exp` is still in the future at the real current time (not the fixture's `now`).
  Anyone who can read this file (the repository, its forks, CI logs) can send it to the server
  and authenticate as the client until it expires, unless the server has already seen its `jti`.
  Fixtures should hold assertions that expired long ago, or `{header, claims}` mappings that
  assertlint builds with times relative to the fixture's `now`.
fix: Replace the assertion with an expired one (or a header-and-claims mapping that assertlint builds); it stays replayable until {until}. If it was pushed anywhere, rotate the signing key.
references:
  - RFC 7523 section 3
  - RFC 7519 section 4.1.4
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
    ]
}
