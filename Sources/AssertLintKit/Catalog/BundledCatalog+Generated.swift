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
