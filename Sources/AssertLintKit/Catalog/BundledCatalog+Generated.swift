// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.
enum BundledCatalog {
    static let sources: [(name: String, yaml: String)] = [
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
    ]
}
