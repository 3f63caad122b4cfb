// The only C that assertlint writes for OpenSSL: prefixed wrappers around macros, variadic
// calls and multi-step OpenSSL 3 idioms. Swift code calls these only through
// Sources/AssertLintKit/System/OpenSSL*.swift, which owns and frees every object returned here.
//
// Conventions: functions returning EVP_PKEY * return NULL on failure (the OpenSSL error queue
// says why: assertlint_last_error); functions returning int return 1 for success/valid,
// 0 for "did not verify"/"not this format", and -1 for an error.
#ifndef ASSERTLINT_COPENSSL_SHIM_H
#define ASSERTLINT_COPENSSL_SHIM_H

#include <openssl/opensslv.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/hmac.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/decoder.h>
#include <string.h>

static inline const char *assertlint_openssl_version(void) {
    return OpenSSL_version(OPENSSL_VERSION);
}

// MARK: - Errors

/// Writes the oldest queued error as text into buf and clears the queue. Returns 0 when the
/// queue was empty.
static inline int assertlint_last_error(char *buf, size_t len) {
    unsigned long code = ERR_get_error();
    if (code == 0) { if (len > 0) buf[0] = 0; return 0; }
    ERR_error_string_n(code, buf, len);
    ERR_clear_error();
    return 1;
}

static inline void assertlint_clear_errors(void) { ERR_clear_error(); }

// MARK: - Key types

#define ASSERTLINT_KEY_UNKNOWN 0
#define ASSERTLINT_KEY_RSA 1
#define ASSERTLINT_KEY_EC 2
#define ASSERTLINT_KEY_ED25519 3
#define ASSERTLINT_KEY_ED448 4
#define ASSERTLINT_KEY_RSA_PSS 5

static inline int assertlint_pkey_type(const EVP_PKEY *key) {
    if (EVP_PKEY_is_a(key, "RSA")) return ASSERTLINT_KEY_RSA;
    if (EVP_PKEY_is_a(key, "RSA-PSS")) return ASSERTLINT_KEY_RSA_PSS;
    if (EVP_PKEY_is_a(key, "EC")) return ASSERTLINT_KEY_EC;
    if (EVP_PKEY_is_a(key, "ED25519")) return ASSERTLINT_KEY_ED25519;
    if (EVP_PKEY_is_a(key, "ED448")) return ASSERTLINT_KEY_ED448;
    return ASSERTLINT_KEY_UNKNOWN;
}

static inline int assertlint_pkey_bits(const EVP_PKEY *key) { return EVP_PKEY_get_bits(key); }

static inline void assertlint_pkey_free(EVP_PKEY *key) { EVP_PKEY_free(key); }

/// 1 when the key holds private material.
static inline int assertlint_pkey_has_private(const EVP_PKEY *key) {
    int type = assertlint_pkey_type(key);
    if (type == ASSERTLINT_KEY_RSA || type == ASSERTLINT_KEY_RSA_PSS) {
        BIGNUM *d = NULL;
        int ok = EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_D, &d);
        BN_clear_free(d);
        return ok == 1;
    }
    if (type == ASSERTLINT_KEY_EC) {
        BIGNUM *d = NULL;
        int ok = EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &d);
        BN_clear_free(d);
        return ok == 1;
    }
    if (type == ASSERTLINT_KEY_ED25519 || type == ASSERTLINT_KEY_ED448) {
        size_t len = 0;
        return EVP_PKEY_get_raw_private_key(key, NULL, &len) == 1 && len > 0;
    }
    return 0;
}

/// 1 when both keys hold the same public key.
static inline int assertlint_pkey_public_equal(const EVP_PKEY *a, const EVP_PKEY *b) {
    return EVP_PKEY_eq(a, b) == 1;
}

// MARK: - Reading keys

/// A public key from PEM: SubjectPublicKeyInfo ("PUBLIC KEY"), PKCS#1 ("RSA PUBLIC KEY"),
/// or the public key of a certificate ("CERTIFICATE"). NULL when none of them parses.
static inline EVP_PKEY *assertlint_public_key_from_pem(const unsigned char *pem, int len) {
    EVP_PKEY *key = NULL;
    BIO *bio = BIO_new_mem_buf(pem, len);
    if (bio == NULL) return NULL;
    key = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
    if (key == NULL) {
        (void)BIO_reset(bio);
        X509 *cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
        if (cert != NULL) {
            key = X509_get_pubkey(cert);
            X509_free(cert);
        }
    }
    if (key == NULL) {
        // PKCS#1 "RSA PUBLIC KEY" (the RSA-specific reader is deprecated in OpenSSL 3).
        (void)BIO_reset(bio);
        OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", "type-specific", "RSA",
                                                               EVP_PKEY_PUBLIC_KEY, NULL, NULL);
        if (dctx != NULL && OSSL_DECODER_from_bio(dctx, bio) != 1) key = NULL;
        OSSL_DECODER_CTX_free(dctx);
    }
    BIO_free(bio);
    if (key != NULL) ERR_clear_error();
    return key;
}

/// A private key from PEM: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1
/// ("EC PRIVATE KEY"). Encrypted keys are refused (no passphrase callback).
static inline EVP_PKEY *assertlint_private_key_from_pem(const unsigned char *pem, int len) {
    BIO *bio = BIO_new_mem_buf(pem, len);
    if (bio == NULL) return NULL;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)"");
    BIO_free(bio);
    return key;
}

/// A public key from DER: a certificate or a SubjectPublicKeyInfo.
static inline EVP_PKEY *assertlint_public_key_from_der(const unsigned char *der, long len) {
    const unsigned char *p = der;
    X509 *cert = d2i_X509(NULL, &p, len);
    if (cert != NULL) {
        EVP_PKEY *key = X509_get_pubkey(cert);
        X509_free(cert);
        ERR_clear_error();
        return key;
    }
    ERR_clear_error();
    p = der;
    return d2i_PUBKEY(NULL, &p, len);
}

/// A private key from DER (PKCS#8, or a traditional format OpenSSL recognises).
static inline EVP_PKEY *assertlint_private_key_from_der(const unsigned char *der, long len) {
    const unsigned char *p = der;
    return d2i_AutoPrivateKey(NULL, &p, len);
}

// MARK: - Keys from JWK parameters (big-endian unsigned integers)

static inline EVP_PKEY *assertlint_pkey_fromdata(const char *type, OSSL_PARAM_BLD *bld, int private) {
    EVP_PKEY *key = NULL;
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
    if (params != NULL && ctx != NULL && EVP_PKEY_fromdata_init(ctx) == 1) {
        if (EVP_PKEY_fromdata(ctx, &key, private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) != 1) key = NULL;
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return key;
}

/// An RSA key from n and e, and d (+ the CRT parameters when all five are given) for a
/// private key. Pass d = NULL for a public key; p = NULL to omit the CRT parameters.
static inline EVP_PKEY *assertlint_rsa_from_components(
    const unsigned char *n, size_t n_len, const unsigned char *e, size_t e_len,
    const unsigned char *d, size_t d_len,
    const unsigned char *p, size_t p_len, const unsigned char *q, size_t q_len,
    const unsigned char *dp, size_t dp_len, const unsigned char *dq, size_t dq_len,
    const unsigned char *qi, size_t qi_len) {
    EVP_PKEY *key = NULL;
    BIGNUM *bn[8] = {0};
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (bld == NULL) return NULL;
    bn[0] = BN_bin2bn(n, (int)n_len, NULL);
    bn[1] = BN_bin2bn(e, (int)e_len, NULL);
    int ok = bn[0] != NULL && bn[1] != NULL
        && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn[0]) == 1
        && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn[1]) == 1;
    if (ok && d != NULL) {
        bn[2] = BN_bin2bn(d, (int)d_len, NULL);
        ok = bn[2] != NULL && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_D, bn[2]) == 1;
        if (ok && p != NULL && q != NULL && dp != NULL && dq != NULL && qi != NULL) {
            bn[3] = BN_bin2bn(p, (int)p_len, NULL);
            bn[4] = BN_bin2bn(q, (int)q_len, NULL);
            bn[5] = BN_bin2bn(dp, (int)dp_len, NULL);
            bn[6] = BN_bin2bn(dq, (int)dq_len, NULL);
            bn[7] = BN_bin2bn(qi, (int)qi_len, NULL);
            ok = bn[3] && bn[4] && bn[5] && bn[6] && bn[7]
                && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_FACTOR1, bn[3]) == 1
                && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_FACTOR2, bn[4]) == 1
                && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_EXPONENT1, bn[5]) == 1
                && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_EXPONENT2, bn[6]) == 1
                && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, bn[7]) == 1;
        }
    }
    if (ok) key = assertlint_pkey_fromdata("RSA", bld, d != NULL);
    OSSL_PARAM_BLD_free(bld);
    for (int i = 0; i < 8; i++) BN_clear_free(bn[i]);
    return key;
}

/// An EC key on a named curve ("P-256", "P-384", "P-521") from the affine coordinates x, y
/// (each exactly the field size) and, for a private key, d.
static inline EVP_PKEY *assertlint_ec_from_components(
    const char *curve, const unsigned char *x, size_t x_len, const unsigned char *y, size_t y_len,
    const unsigned char *d, size_t d_len) {
    EVP_PKEY *key = NULL;
    BIGNUM *priv = NULL;
    size_t point_len = 1 + x_len + y_len;
    unsigned char *point = OPENSSL_malloc(point_len);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (point == NULL || bld == NULL) {
        OPENSSL_free(point);
        OSSL_PARAM_BLD_free(bld);
        return NULL;
    }
    point[0] = 0x04;  // uncompressed point
    memcpy(point + 1, x, x_len);
    memcpy(point + 1 + x_len, y, y_len);
    int ok = OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, curve, 0) == 1
        && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, point_len) == 1;
    if (ok && d != NULL) {
        priv = BN_bin2bn(d, (int)d_len, NULL);
        ok = priv != NULL && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, priv) == 1;
    }
    if (ok) key = assertlint_pkey_fromdata("EC", bld, d != NULL);
    OSSL_PARAM_BLD_free(bld);
    BN_clear_free(priv);
    OPENSSL_free(point);
    return key;
}

/// An Ed25519/Ed448 key from its raw public key, or from its raw private key when priv != NULL.
static inline EVP_PKEY *assertlint_okp_from_raw(int type, const unsigned char *pub, size_t pub_len,
                                                const unsigned char *priv, size_t priv_len) {
    int id = type == ASSERTLINT_KEY_ED448 ? EVP_PKEY_ED448 : EVP_PKEY_ED25519;
    if (priv != NULL) return EVP_PKEY_new_raw_private_key(id, NULL, priv, priv_len);
    return EVP_PKEY_new_raw_public_key(id, NULL, pub, pub_len);
}

// MARK: - Reading key parameters

/// Writes a BIGNUM parameter ("n", "e", "qx", "qy", "d"...) big-endian into out (at most cap
/// bytes, left-padded to pad bytes when pad > 0). Returns its length, or -1.
static inline int assertlint_pkey_bn_param(const EVP_PKEY *key, const char *name, unsigned char *out, int cap, int pad) {
    BIGNUM *bn = NULL;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) { ERR_clear_error(); return -1; }
    int len = pad > 0 ? pad : BN_num_bytes(bn);
    int result = -1;
    if (len <= cap) result = BN_bn2binpad(bn, out, len);
    BN_clear_free(bn);
    return result;
}

/// The EC group name ("prime256v1", "secp384r1", "secp521r1"). Returns its length, or -1.
static inline int assertlint_pkey_group_name(const EVP_PKEY *key, char *out, size_t cap) {
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, out, cap, &len) != 1) {
        ERR_clear_error();
        return -1;
    }
    return (int)len;
}

/// The raw public key of an Ed25519/Ed448 key. Returns its length, or -1.
static inline int assertlint_pkey_raw_public(const EVP_PKEY *key, unsigned char *out, size_t cap) {
    size_t len = cap;
    if (EVP_PKEY_get_raw_public_key(key, out, &len) != 1) { ERR_clear_error(); return -1; }
    return (int)len;
}

// MARK: - Signatures

/// PKCS#1 v1.5 for RSA unless pss is 1 (RSASSA-PSS, salt length = digest length, MGF1 with
/// the same digest, as RFC 7518 §3.5 requires). md is "SHA256"/"SHA384"/"SHA512", or NULL
/// for EdDSA.
static inline int assertlint_configure_padding(EVP_PKEY_CTX *pctx, int pss) {
    if (!pss) return 1;
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

/// 1 when sig verifies, 0 when it does not, -1 on an error before verification.
static inline int assertlint_verify(EVP_PKEY *key, const char *md, int pss,
                                    const unsigned char *data, size_t data_len,
                                    const unsigned char *sig, size_t sig_len) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    int result = -1;
    if (ctx == NULL) return -1;
    if (EVP_DigestVerifyInit_ex(ctx, &pctx, md, NULL, NULL, key, NULL) == 1
        && assertlint_configure_padding(pctx, pss)) {
        int r = EVP_DigestVerify(ctx, sig, sig_len, data, data_len);
        result = r == 1 ? 1 : 0;
    }
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    return result;
}

/// Signs data. Call with out = NULL to learn the size in *out_len. Returns 1 or -1.
static inline int assertlint_sign(EVP_PKEY *key, const char *md, int pss,
                                  const unsigned char *data, size_t data_len,
                                  unsigned char *out, size_t *out_len) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    int result = -1;
    if (ctx == NULL) return -1;
    if (EVP_DigestSignInit_ex(ctx, &pctx, md, NULL, NULL, key, NULL) == 1
        && assertlint_configure_padding(pctx, pss)
        && EVP_DigestSign(ctx, out, out_len, data, data_len) == 1) {
        result = 1;
    }
    EVP_MD_CTX_free(ctx);
    return result;
}

// MARK: - ECDSA signature encodings

/// A DER ECDSA-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }) as JOSE's r||s, each part
/// left-padded to size bytes. Returns 2*size, 0 when der is not exactly one such
/// SEQUENCE, or -1 when r or s does not fit in size bytes.
static inline int assertlint_ecdsa_der_to_raw(const unsigned char *der, long der_len, unsigned char *out, int size) {
    const unsigned char *p = der;
    ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, der_len);
    if (sig == NULL) { ERR_clear_error(); return 0; }
    int result = 0;
    if (p == der + der_len) {
        const BIGNUM *r = NULL, *s = NULL;
        ECDSA_SIG_get0(sig, &r, &s);
        if (BN_num_bytes(r) > size || BN_num_bytes(s) > size) result = -1;
        else if (BN_bn2binpad(r, out, size) == size && BN_bn2binpad(s, out + size, size) == size) result = 2 * size;
        else result = -1;
    }
    ECDSA_SIG_free(sig);
    return result;
}

/// JOSE's r||s (2*size bytes) as DER. Call with out = NULL to learn the length. Returns the
/// DER length, or -1.
static inline int assertlint_ecdsa_raw_to_der(const unsigned char *raw, int size, unsigned char *out, int cap) {
    ECDSA_SIG *sig = ECDSA_SIG_new();
    if (sig == NULL) return -1;
    BIGNUM *r = BN_bin2bn(raw, size, NULL);
    BIGNUM *s = BN_bin2bn(raw + size, size, NULL);
    if (r == NULL || s == NULL || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return -1;
    }
    int len = i2d_ECDSA_SIG(sig, NULL);
    if (out != NULL) {
        if (len > cap) len = -1;
        else {
            unsigned char *p = out;
            len = i2d_ECDSA_SIG(sig, &p);
        }
    }
    ECDSA_SIG_free(sig);
    return len;
}

// MARK: - HMAC, digests, comparison, randomness

/// HMAC with md ("SHA256"/"SHA384"/"SHA512"). out must hold 64 bytes. Returns the MAC length, or -1.
static inline int assertlint_hmac(const char *md, const unsigned char *key, size_t key_len,
                                  const unsigned char *data, size_t data_len, unsigned char *out) {
    EVP_MD *digest = EVP_MD_fetch(NULL, md, NULL);
    if (digest == NULL) return -1;
    unsigned int len = 0;
    // HMAC() treats a NULL key as "reuse the previous key"; an empty secret must still be a key.
    static const unsigned char empty = 0;
    unsigned char *r = HMAC(digest, key_len > 0 ? key : &empty, (int)key_len, data, data_len, out, &len);
    EVP_MD_free(digest);
    return r == NULL ? -1 : (int)len;
}

/// A message digest ("SHA256"...). out must hold 64 bytes. Returns the digest length, or -1.
static inline int assertlint_digest(const char *md, const unsigned char *data, size_t len, unsigned char *out) {
    unsigned int out_len = 0;
    EVP_MD *digest = EVP_MD_fetch(NULL, md, NULL);
    if (digest == NULL) return -1;
    int ok = EVP_Digest(data, len, out, &out_len, digest, NULL);
    EVP_MD_free(digest);
    return ok == 1 ? (int)out_len : -1;
}

/// Constant-time comparison: 1 when equal.
static inline int assertlint_equal_constant_time(const unsigned char *a, const unsigned char *b, size_t len) {
    return CRYPTO_memcmp(a, b, len) == 0;
}

static inline int assertlint_random_bytes(unsigned char *out, int len) {
    return RAND_bytes(out, len);
}

// MARK: - X.509 certificates

static inline void assertlint_x509_free(X509 *cert) { X509_free(cert); }

/// One certificate from PEM ("CERTIFICATE" block). NULL when it is not one.
static inline X509 *assertlint_x509_from_pem(const unsigned char *pem, int len) {
    BIO *bio = BIO_new_mem_buf(pem, len);
    if (bio == NULL) return NULL;
    X509 *cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
    BIO_free(bio);
    if (cert == NULL) ERR_clear_error();
    return cert;
}

/// One certificate from DER; NULL unless the whole input is exactly one certificate.
static inline X509 *assertlint_x509_from_der(const unsigned char *der, long len) {
    const unsigned char *p = der;
    X509 *cert = d2i_X509(NULL, &p, len);
    if (cert != NULL && p != der + len) { X509_free(cert); cert = NULL; }
    if (cert == NULL) ERR_clear_error();
    return cert;
}

/// The certificate's DER encoding. Call with out = NULL to learn the length. Returns the
/// length, or -1.
static inline int assertlint_x509_der(X509 *cert, unsigned char *out, int cap) {
    int len = i2d_X509(cert, NULL);
    if (len <= 0) { ERR_clear_error(); return -1; }
    if (out == NULL) return len;
    if (len > cap) return -1;
    unsigned char *p = out;
    return i2d_X509(cert, &p);
}

/// The subject public key (a new reference the caller frees), or NULL.
static inline EVP_PKEY *assertlint_x509_public_key(X509 *cert) {
    EVP_PKEY *key = X509_get_pubkey(cert);
    if (key == NULL) ERR_clear_error();
    return key;
}

/// notBefore (which = 0) or notAfter (which = 1) as seconds since 1970 in *out. Returns 1, or -1.
static inline int assertlint_x509_time(X509 *cert, int which, long long *out) {
    const ASN1_TIME *t = which == 0 ? X509_get0_notBefore(cert) : X509_get0_notAfter(cert);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (t == NULL || ASN1_TIME_to_tm(t, &tm) != 1) { ERR_clear_error(); return -1; }
    // Days from civil (proleptic Gregorian), so no timegm() and no TZ dependence.
    long long y = (long long)tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    *out = days * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return 1;
}

/// The subject (which = 0) or issuer (which = 1) name as RFC 2253 text into out (NUL-terminated,
/// cut to cap - 1 bytes). Returns the full length, or -1.
static inline int assertlint_x509_name(X509 *cert, int which, char *out, int cap) {
    const X509_NAME *name = which == 0 ? X509_get_subject_name(cert) : X509_get_issuer_name(cert);
    if (name == NULL || cap <= 0) return -1;
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) return -1;
    int result = -1;
    if (X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253) >= 0) {
        char *data = NULL;
        long len = BIO_get_mem_data(bio, &data);
        if (len >= 0) {
            int n = len < cap - 1 ? (int)len : cap - 1;
            if (n > 0) memcpy(out, data, (size_t)n);
            out[n] = 0;
            result = (int)len;
        }
    }
    BIO_free(bio);
    ERR_clear_error();
    return result;
}

#endif
