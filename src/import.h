/*
 * import.h: how importers hand articles to whoever stores them.
 *
 * An importer (import-*.c) parses one input format and emits events into
 * a struct import_sink; it never touches the cache itself.  The cache
 * (cache-sink.c) implements the sink; tests plug in a sink that records the
 * events as text.  Data flows one way: input -> importer -> sink.
 *
 * Call order, per article (the importer guarantees it):
 *
 *	begin  ( translation  paragraph* )*  comment*  end
 *
 *   - begin opens the article (for the cache: a transaction).
 *   - translation starts a language version; the paragraphs that follow
 *     belong to it, in order, index 0, 1, 2 ...
 *   - comment may come only after every translation.
 *   - end is always called once begin has succeeded, with ok = 1 to
 *     keep the article or ok = 0 to throw it away (for the cache: commit
 *     or roll back).  An importer that fails half-way calls end(ok = 0)
 *     and reports its own error.
 *
 * Ownership: every pointer passed to a callback belongs to the importer
 * and is valid only during the call; a sink copies what it keeps.  All
 * strings are valid UTF-8 in NFC, NUL-terminated; optional strings are
 * NULL when absent.
 *
 * Errors: a callback returns 0 on success, or -1 and sets *cause to an
 * allocated one-line message (without "tandem: " or a file name; the
 * importer adds its position).  After an error the importer stops and
 * calls end(ok = 0).
 */
#ifndef TANDEM_IMPORT_H
#define TANDEM_IMPORT_H

#include <stddef.h>

/* Who may comment on an article, as the source page says. */
enum import_policy {
	IMPORT_POLICY_UNKNOWN = 0,	/* the source said nothing */
	IMPORT_POLICY_OPEN,
	IMPORT_POLICY_LOGIN,		/* "You must be logged in to ..." */
	IMPORT_POLICY_CLOSED,
};

struct import_article {
	const char	*source;	/* where it came from: a path or URL */
	const char	*key;		/* stable identity within the source:
					   the URL, else a content hash */
	const char	*url;		/* canonical URL, or NULL */
	const char	*date;		/* ISO 8601 date or date-time, or NULL */
	const char	*author;	/* or NULL */
	const char	*original;	/* language tag of the original, or NULL */
	enum import_policy policy;
};

struct import_translation {
	const char	*lang;		/* BCP 47 tag: "ko", "en", "zh", "und" */
	double		 lang_confidence; /* 0..1; 1 when a header said so */
	const char	*title;		/* never NULL; may be derived */
	int		 title_derived;	/* 1 if made from the first sentence */
	const char	*url;		/* or NULL */
};

struct import_comment {
	long		 id;		/* 1, 2, ... within this article */
	long		 parent;	/* id of the parent, 0 for top level */
	const char	*author;	/* or NULL */
	const char	*created;	/* ISO 8601, or NULL */
	const char	*lang;		/* or NULL */
	const char	*body;
};

struct import_sink {
	void	*arg;
	int	(*begin)(void *arg, const struct import_article *,
		    char **cause);
	int	(*translation)(void *arg, const struct import_translation *,
		    char **cause);
	int	(*paragraph)(void *arg, const char *text, size_t len,
		    char **cause);
	int	(*comment)(void *arg, const struct import_comment *,
		    char **cause);
	int	(*end)(void *arg, int ok, char **cause);
};

/*
 * Limits on one article, far above any real one: the most multilingual
 * news sites publish some 40 languages, a busy thread has thousands of
 * comments, a long novel some 20,000 paragraphs.  They keep what a
 * hostile file costs after parsing (rows in the cache, the alignment
 * job's copy of every paragraph, the comment tree) proportional to its
 * size rather than to how finely it is cut.  A file over one fails with
 * "FILE:LINE: ..." naming the limit.
 */
#define IMPORT_MAX_TRANSLATIONS	64	/* language versions */
#define IMPORT_MAX_COMMENTS	100000
#define IMPORT_MAX_PARAGRAPHS	200000	/* in one translation */
#define IMPORT_MAX_ALL_PARAGRAPHS 1000000 /* in all of them together */

/* Input formats; AUTO recognises the native format by its sections. */
enum import_format {
	IMPORT_FORMAT_AUTO = 0,
	IMPORT_FORMAT_PAGE,		/* a scraped multilingual news page */
	IMPORT_FORMAT_ARTICLE,		/* tandem's native format, tandem-article(5) */
	IMPORT_FORMAT_JSON,		/* tandem export --format json */
};

struct import_options {
	enum import_format format;
	const char	*source;	/* the article's source; NULL: the file's
					   absolute path (or its name) */
	/* Non-fatal problems ("FILE:LINE: ..."), or NULL to ignore them. */
	void	(*warn)(void *arg, const char *message);
	void	 *warn_arg;
	/* --encoding for text and HTML files, or NULL; for HTML (story.h)
	   the preferred languages (NULL-terminated), for which is the
	   original. */
	const char		*encoding;
	const char *const	*langs;
};

/*
 * Import one file (path "-" is standard input) into the sink: exactly
 * one article (a feed: one per entry that has text).  Returns 0, or -1 with *cause set to a one-line message
 * that starts with the file name ("FILE: empty file", "FILE:12: ...").
 * On error the sink has either seen nothing or an end(ok = 0).
 */
int	import_file(const char *path, const struct import_options *,
	    struct import_sink *, char **cause);

/* The same for text already in memory; name is used in messages. */
int	import_buffer(const char *name, const char *buf, size_t len,
	    const struct import_options *, struct import_sink *, char **cause);

/*
 * The files an import of FILE|DIR arguments reads (import-dir.c), in
 * order.  An argument that is not a directory stands for itself ("-"
 * too); a directory for the regular files under it, in byte order of
 * their names, subdirectories where they sort, at most IMPORT_DIR_DEPTH
 * directories deep.  Left out: names starting with a dot, anything that
 * is neither a regular file nor a directory, and symbolic links to
 * directories (so a link cannot make a loop).
 */
#define IMPORT_DIR_DEPTH 64

struct import_dir_files {
	char	**path;		/* allocated, path[0 .. n - 1] */
	size_t	  n;
	size_t	  cap;
};

/*
 * Add the files of one argument to files.  A directory that cannot be
 * read, nests too deep or has no file at all is passed to warn (if not
 * NULL) as a one-line message ("DIR: Permission denied") and counted in
 * the return value; the walk goes on with the rest.
 */
int	import_dir_add(struct import_dir_files *, const char *arg,
	    void (*warn)(void *, const char *), void *warn_arg);
void	import_dir_free(struct import_dir_files *);

#endif
