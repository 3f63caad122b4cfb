// The only C that assertlint writes for libcurl. libcurl is not linked: it is opened with dlopen
// on first use (`assertlint_curl_load`), and every call goes through a table of function pointers
// filled by dlsym, so a start that never goes online pays nothing for libcurl and its dependencies
// (OpenSSL's libssl, nghttp2, libssh2, Kerberos, LDAP ...). The header <curl/curl.h> (package
// libcurl4-openssl-dev) is still needed at build time, for the types and constants.
// The wrappers also hide the variadic curl_easy_setopt / curl_easy_getinfo.
// Swift calls these through Sources/AssertLintKit/System/Curl*.swift.
#ifndef ASSERTLINT_CCURL_SHIM_H
#define ASSERTLINT_CCURL_SHIM_H

#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>

#if defined(__APPLE__)
#define ASSERTLINT_CURL_LIBRARY "libcurl.4.dylib"
#else
#define ASSERTLINT_CURL_LIBRARY "libcurl.so.4"
#endif

/// The libcurl functions assertlint calls. Filled once by assertlint_curl_load and never changed.
struct assertlint_curl {
    const char *(*version)(void);
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *handle);
    CURLUcode (*url_set)(CURLU *handle, CURLUPart part, const char *content, unsigned int flags);
    CURLUcode (*url_get)(const CURLU *handle, CURLUPart part, char **content, unsigned int flags);
    void (*free)(void *pointer);
};

/// Opens `library` (NULL: ASSERTLINT_CURL_LIBRARY) and fills `api`. Returns 0 when done,
/// 1 when the library cannot be opened, 2 when it lacks a function (a libcurl older than 7.62).
/// The library is never closed: it is used until the process ends.
static inline int assertlint_curl_load(struct assertlint_curl *api, const char *library) {
    void *lib = dlopen(library ? library : ASSERTLINT_CURL_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib) return 1;
#define ASSERTLINT_CURL_SYMBOL(field, name) \
    if (!(*(void **)&api->field = dlsym(lib, name))) { dlclose(lib); return 2; }
    ASSERTLINT_CURL_SYMBOL(version, "curl_version")
    ASSERTLINT_CURL_SYMBOL(global_init, "curl_global_init")
    ASSERTLINT_CURL_SYMBOL(easy_init, "curl_easy_init")
    ASSERTLINT_CURL_SYMBOL(easy_cleanup, "curl_easy_cleanup")
    ASSERTLINT_CURL_SYMBOL(easy_perform, "curl_easy_perform")
    ASSERTLINT_CURL_SYMBOL(easy_setopt, "curl_easy_setopt")
    ASSERTLINT_CURL_SYMBOL(easy_getinfo, "curl_easy_getinfo")
    ASSERTLINT_CURL_SYMBOL(slist_append, "curl_slist_append")
    ASSERTLINT_CURL_SYMBOL(slist_free_all, "curl_slist_free_all")
    ASSERTLINT_CURL_SYMBOL(url, "curl_url")
    ASSERTLINT_CURL_SYMBOL(url_cleanup, "curl_url_cleanup")
    ASSERTLINT_CURL_SYMBOL(url_set, "curl_url_set")
    ASSERTLINT_CURL_SYMBOL(url_get, "curl_url_get")
    ASSERTLINT_CURL_SYMBOL(free, "curl_free")
#undef ASSERTLINT_CURL_SYMBOL
    return 0;
}

static inline const char *assertlint_curl_version(const struct assertlint_curl *api) {
    return api->version();
}

static inline CURLcode assertlint_curl_global_init(const struct assertlint_curl *api) {
    return api->global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURL *assertlint_curl_easy_init(const struct assertlint_curl *api) {
    return api->easy_init();
}

static inline void assertlint_curl_easy_cleanup(const struct assertlint_curl *api, CURL *handle) {
    api->easy_cleanup(handle);
}

static inline CURLcode assertlint_curl_easy_perform(const struct assertlint_curl *api, CURL *handle) {
    return api->easy_perform(handle);
}

static inline struct curl_slist *assertlint_curl_slist_append(const struct assertlint_curl *api, struct curl_slist *list, const char *text) {
    return api->slist_append(list, text);
}

static inline void assertlint_curl_slist_free_all(const struct assertlint_curl *api, struct curl_slist *list) {
    api->slist_free_all(list);
}

static inline CURLU *assertlint_curl_url(const struct assertlint_curl *api) {
    return api->url();
}

static inline void assertlint_curl_url_cleanup(const struct assertlint_curl *api, CURLU *handle) {
    api->url_cleanup(handle);
}

static inline CURLUcode assertlint_curl_url_set(const struct assertlint_curl *api, CURLU *handle, CURLUPart part, const char *content, unsigned int flags) {
    return api->url_set(handle, part, content, flags);
}

static inline CURLUcode assertlint_curl_url_get(const struct assertlint_curl *api, CURLU *handle, CURLUPart part, char **content, unsigned int flags) {
    return api->url_get(handle, part, content, flags);
}

static inline void assertlint_curl_free(const struct assertlint_curl *api, void *pointer) {
    api->free(pointer);
}

static inline CURLcode assertlint_curl_setopt_long(const struct assertlint_curl *api, CURL *handle, CURLoption option, long value) {
    return api->easy_setopt(handle, option, value);
}

static inline CURLcode assertlint_curl_setopt_off_t(const struct assertlint_curl *api, CURL *handle, CURLoption option, curl_off_t value) {
    return api->easy_setopt(handle, option, value);
}

/// libcurl copies strings given to curl_easy_setopt (since 7.17), so `value` may be freed afterwards.
static inline CURLcode assertlint_curl_setopt_string(const struct assertlint_curl *api, CURL *handle, CURLoption option, const char *value) {
    return api->easy_setopt(handle, option, value);
}

static inline CURLcode assertlint_curl_setopt_pointer(const struct assertlint_curl *api, CURL *handle, CURLoption option, void *value) {
    return api->easy_setopt(handle, option, value);
}

static inline CURLcode assertlint_curl_setopt_slist(const struct assertlint_curl *api, CURL *handle, CURLoption option, struct curl_slist *value) {
    return api->easy_setopt(handle, option, value);
}

/// A blob option (CURLOPT_CAINFO_BLOB): libcurl copies the bytes, so `data` may be freed afterwards.
static inline CURLcode assertlint_curl_setopt_blob(const struct assertlint_curl *api, CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return api->easy_setopt(handle, option, &blob);
}

/// The shape of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*assertlint_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode assertlint_curl_setopt_callback(const struct assertlint_curl *api, CURL *handle, CURLoption option, assertlint_curl_data_callback callback) {
    return api->easy_setopt(handle, option, callback);
}

static inline CURLcode assertlint_curl_getinfo_long(const struct assertlint_curl *api, CURL *handle, CURLINFO info, long *out) {
    return api->easy_getinfo(handle, info, out);
}

static inline CURLcode assertlint_curl_getinfo_double(const struct assertlint_curl *api, CURL *handle, CURLINFO info, double *out) {
    return api->easy_getinfo(handle, info, out);
}

#endif
