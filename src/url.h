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

/*
 * The one check for a URL handed to another program (the browser of the
 * reader's o, a terminal's OSC 8 hyperlink): an allocated argument that
 * cannot be taken for an option or break out of where it is put, or
 * NULL with *cause saying why not.  Only http and https are accepted
 * (any scheme with URL_ANY_SCHEME), with a "//" and a host; the scheme
 * starts with a letter, so the result never starts with '-'.  Spaces,
 * controls, DEL, invalid UTF-8 and, outside the host, every non-ASCII
 * byte are percent-encoded; an IDN host keeps its letters, but C1,
 * bidi and line separators are encoded there too.
 */
#define URL_ANY_SCHEME	0x1
char	*url_for_program(const char *, int, char **);

#endif
