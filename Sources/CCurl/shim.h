#ifndef STARROCKS_DRIFT_CCURL_SHIM_H
#define STARROCKS_DRIFT_CCURL_SHIM_H
#include <curl/curl.h>
// Typed wrappers for curl's variadic setopt/getinfo, which Swift cannot call directly.
static inline CURLcode sd_curl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sd_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sd_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sd_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*sd_curl_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode sd_curl_easy_setopt_write_function(CURL *h, sd_curl_write_callback f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode sd_curl_easy_setopt_header_function(CURL *h, sd_curl_write_callback f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
static inline CURLcode sd_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode sd_curl_global_init_all(void) { return curl_global_init(CURL_GLOBAL_ALL); }
static inline CURLcode sd_curl_easy_setopt_bytes(CURL *h, CURLoption o, const void *v) { return curl_easy_setopt(h, o, v); }
#endif
