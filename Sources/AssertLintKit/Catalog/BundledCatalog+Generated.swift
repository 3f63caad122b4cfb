// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.
enum BundledCatalog {
    static let sources: [(name: String, yaml: String)] = [
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
fix: "{action}"
references:
  - https://support.okta.com/help/s/article/okta-client-assertion-error-invalid-key-id
  - https://developer.okta.com/docs/guides/build-self-signed-jwt/
  - RFC 7638
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
    ]
}
