// The only C that assertlint writes for libcurl: prefixed wrappers that hide the variadic
// curl_easy_setopt / curl_easy_getinfo. Swift calls these through Sources/AssertLintKit/System/Curl*.swift.
#ifndef ASSERTLINT_CCURL_SHIM_H
#define ASSERTLINT_CCURL_SHIM_H

#include <curl/curl.h>

static inline const char *assertlint_curl_version(void) {
    return curl_version();
}

static inline CURLcode assertlint_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode assertlint_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assertlint_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// libcurl copies strings given to curl_easy_setopt (since 7.17), so `value` may be freed afterwards.
static inline CURLcode assertlint_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assertlint_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assertlint_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// A blob option (CURLOPT_CAINFO_BLOB): libcurl copies the bytes, so `data` may be freed afterwards.
static inline CURLcode assertlint_curl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(handle, option, &blob);
}

/// The shape of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*assertlint_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode assertlint_curl_setopt_callback(CURL *handle, CURLoption option, assertlint_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode assertlint_curl_getinfo_long(CURL *handle, CURLINFO info, long *out) {
    return curl_easy_getinfo(handle, info, out);
}

static inline CURLcode assertlint_curl_getinfo_double(CURL *handle, CURLINFO info, double *out) {
    return curl_easy_getinfo(handle, info, out);
}

#endif
