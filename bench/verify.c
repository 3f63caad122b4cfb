/* The C reference for scripts/bench: the least a checker must do. Lists DIR (recursively), reads
 * each file, finds the client_assertion (JSON "client_assertion": "...", YAML client_assertion: ...,
 * or form client_assertion=...),
 * base64url-decodes the signature and verifies RS256 or ES256 (JWS r||s converted to DER) with OpenSSL
 * against PEM public keys.
 *   cc -O2 -o verify bench/verify.c -lcrypto && ./verify DIR rsa.pem ec.pem
 * Prints "files sig_ok sig_bad". No claims, no messages: a floor, not a peer. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ecdsa.h>

static EVP_PKEY *rsa, *ec;
static long files, ok, bad;

static int b64url(const char *s, size_t n, unsigned char *out) {
    static signed char t[256]; static int init;
    if (!init) {
        const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        memset(t, -1, sizeof t);
        for (int i = 0; i < 64; i++) t[(unsigned char)a[i]] = (signed char)i;
        init = 1;
    }
    unsigned acc = 0; int bits = 0, len = 0;
    for (size_t i = 0; i < n; i++) {
        int v = t[(unsigned char)s[i]]; if (v < 0) return -1;
        acc = (acc << 6) | (unsigned)v; bits += 6;
        if (bits >= 8) { bits -= 8; out[len++] = (unsigned char)(acc >> bits); }
    }
    return len;
}

static int verify(const char *tok, size_t n) {
    const char *d1 = memchr(tok, '.', n); if (!d1) return 0;
    const char *d2 = memchr(d1 + 1, '.', n - (size_t)(d1 + 1 - tok)); if (!d2) return 0;
    unsigned char hdr[512], sig[1024];
    int hl = b64url(tok, (size_t)(d1 - tok), hdr); if (hl <= 0 || hl >= (int)sizeof hdr) return 0;
    hdr[hl] = 0;
    size_t sl = n - (size_t)(d2 + 1 - tok); if (sl > 1300) return 0;
    int sn = b64url(d2 + 1, sl, sig); if (sn <= 0) return 0;
    int es = strstr((char *)hdr, "\"ES256\"") != NULL;
    unsigned char der[80]; const unsigned char *s = sig; size_t slen = (size_t)sn;
    if (es) { /* JOSE r||s to DER for OpenSSL */
        if (sn != 64) return 0;
        ECDSA_SIG *e = ECDSA_SIG_new(); ECDSA_SIG_set0(e, BN_bin2bn(sig, 32, NULL), BN_bin2bn(sig + 32, 32, NULL));
        unsigned char *p = der; slen = (size_t)i2d_ECDSA_SIG(e, &p); ECDSA_SIG_free(e); s = der;
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int r = EVP_DigestVerifyInit(ctx, NULL, EVP_sha256(), NULL, es ? ec : rsa) == 1 &&
            EVP_DigestVerify(ctx, s, slen, (const unsigned char *)tok, (size_t)(d2 - tok)) == 1;
    EVP_MD_CTX_free(ctx);
    return r;
}

static void file(const char *path) {
    FILE *f = fopen(path, "rb"); if (!f) return;
    static char buf[1 << 16]; size_t n = fread(buf, 1, sizeof buf - 1, f); fclose(f); buf[n] = 0;
    files++;
    /* The first "client_assertion" key followed by the token: JSON `"client_assertion": "..."`,
     * YAML `client_assertion: ...` (plain or quoted) or form `client_assertion=...`; the key
     * `client_assertion_type` does not match, since the next byte must be '"', ':' or '='. */
    char *p = NULL, *q, *at = buf;
    while ((at = strstr(at, "client_assertion"))) {
        at += 16;
        char *r = at; if (*r == '"') r++;
        if (*r == ':' || *r == '=') { r++; while (*r == ' ' || *r == '"' || *r == '\'') r++; p = r; break; }
    }
    if (!p) { bad++; return; }
    for (q = p; (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '-' || *q == '_' || *q == '.'; q++) {}
    if (verify(p, (size_t)(q - p))) ok++; else bad++;
}

static void walk(const char *dir) {
    DIR *d = opendir(dir); if (!d) return;
    struct dirent *e; char path[4096];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) walk(path); else file(path);
    }
    closedir(d);
}

static EVP_PKEY *load(const char *path) {
    FILE *f = fopen(path, "r"); if (!f) { perror(path); exit(2); }
    EVP_PKEY *k = PEM_read_PUBKEY(f, NULL, NULL, NULL); fclose(f);
    if (!k) { fprintf(stderr, "%s: not a PEM public key\n", path); exit(2); }
    return k;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: verify DIR rsa.pem ec.pem\n"); return 2; }
    rsa = load(argv[2]); ec = load(argv[3]);
    walk(argv[1]);
    printf("%ld %ld %ld\n", files, ok, bad);
    return 0;
}
