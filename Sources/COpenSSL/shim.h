// The only C that assertlint writes for OpenSSL: prefixed wrappers around macros and
// variadic calls. Swift code calls these through Sources/AssertLintKit/System/OpenSSL*.swift.
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
#include <openssl/core_names.h>
#include <openssl/param_build.h>

static inline const char *assertlint_openssl_version(void) {
    return OpenSSL_version(OPENSSL_VERSION);
}

#endif
