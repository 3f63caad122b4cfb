// The only C that assertlint writes for libcurl: prefixed wrappers that hide the variadic
// curl_easy_setopt / curl_easy_getinfo. Swift calls these through Sources/AssertLintKit/System/Curl*.swift.
#ifndef ASSERTLINT_CCURL_SHIM_H
#define ASSERTLINT_CCURL_SHIM_H

#include <curl/curl.h>

static inline const char *assertlint_curl_version(void) {
    return curl_version();
}

#endif
