/*
 * url.h: URLs as identities, compared after a light normalisation.
 *
 * Pure string work with no library behind it, so that every module that
 * knows an article by its URL (the cache, the fetcher, the URL checks on
 * hostile input) compares them the same way.
 */
#ifndef TANDEM_URL_H
#define TANDEM_URL_H

/*
 * The form two URLs of one page share (allocated): scheme and host in
 * lower case, the fragment and a default port (http 80, https 443)
 * dropped, an empty http(s) path made "/".  The query, the path, the
 * user information, percent-encoding and non-ASCII bytes are left as
 * they are.  A string without a scheme only loses its fragment.
 */
char	*url_normalize(const char *);

#endif
