// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.
enum BundledCatalog {
    static let sources: [(name: String, yaml: String)] = [
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
    ]
}
