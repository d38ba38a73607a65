/*
 * cache-schema.c: the cache's schema and the migrations that make it.
 *
 * Cache schema
 * ------------
 *
 *   source 1---n article 1---n translation 1---n paragraph
 *   (location)   (source_id,    (article_id,        (translation_id,
 *                 key) UNIQUE    lang) UNIQUE        idx) UNIQUE
 *                   |  |  |
 *                   |  |  +--n alignment   (article_id, lang_a, lang_b, idx)
 *                   |  +-----n comment     (parent_id -> comment, SET NULL)
 *                   +--------n article_setting (article_id, key)
 *
 *   setting (key PRIMARY KEY, value): global choices (identity, ...)
 *   account (site PRIMARY KEY, user, password_command, password_env,
 *            password_file, added_at): who one is on a site; no secret
 *   comment.remote_id, remote_url, link, pending: see migration 6
 *   paragraph.bytes: the text's length in bytes (set by the sink, else
 *   by a trigger), for opening an article without reading its text
 *   paragraph_pack (translation_id PK -> translation, n, bytes): every
 *   paragraph.bytes of a translation in idx order, 4 bytes each, big
 *   endian; written by the sink and the reader, deleted by triggers
 *   whenever a paragraph of the translation changes (migration 10)
 *
 *   search_text (FTS5, rowid = paragraph.id, text)    the full-text
 *   search_title (FTS5, rowid = translation.id, title) index, external
 *   content kept in step by triggers through search_queue_text and
 *   search_queue_title (id, old: the text indexed, NULL if none): rows
 *   waiting for the index (cache_search_step(), called by a search,
 *   tandem index and the idle reader); cache-search.c has the tokenizer
 *
 *   +-------------+  +----------------+  +------------------+  +-----------+
 *   | source      |  | article        |  | translation      |  | paragraph |
 *   | id          |<-| source_id      |  | id               |<-| trans..id |
 *   | location UQ |  | id             |<-| article_id       |  | idx       |
 *   | added_at    |  | key            |  | lang             |  | text      |
 *   +-------------+  | url date author|  | position         |  | bytes     |
 *                    |                |  |                  |  +-----------+
 *                    | original       |  | title            |
 *   +-------------+  | policy         |  | title_derived    |
 *   | setting     |  | read           |  | lang_confidence  |
 *   | key PK      |  | imported_at    |  | url imported_at  |
 *   | value       |  | updated_at     |  | url_norm         |
 *   +-------------+  | url_norm       |  +------------------+
 *                    | starred        |
 *   +-------------+  +----------------+
 *   | article_    |
 *   | count       |  n, unread, starred: kept by triggers on article
 *   +-------------+
 *
 *   +-----------------+  +-----------------------+  +---------------------+
 *   | article_setting |  | comment               |  | alignment           |
 *   | article_id FK   |  | id  article_id FK     |  | id  article_id FK   |
 *   | key value       |  | parent_id FK (->id)   |  | lang_a lang_b idx   |
 *   +-----------------+  | seq author body lang  |  | a_first a_count     |
 *                        | created state         |  | b_first b_count     |
 *                        +-----------------------+  | confidence manual   |
 *   FK: references the                              +---------------------+
 *   article (or comment) id, ON DELETE CASCADE (parent_id: SET NULL)
 *
 * Subscriptions (cache-feed.c):
 *
 *   feed 1---n feed_entry n---1 article      feed 1---n feed_tag
 *
 *   +------------------------+  +----------------+  +-------------+
 *   | feed                   |  | feed_entry     |  | feed_tag    |
 *   | id  url UQ  source     |<-| feed_id FK     |  | feed_id FK  |
 *   | title site lang        |  | key            |  | tag         |
 *   | alternates full_text   |  | article_id FK  |  +-------------+
 *   | etag last_modified     |  | digest seen_at |
 *   | checked_at updated_at  |  | link           |
 *   | error gone retry_after |  | comments_feed  |
 *   | added_at               |  +----------------+
 *   +------------------------+
 *
 * feed.url is where the feed is fetched (a 301 moves it); source is the
 * source location of its articles, the URL first added, never moved.
 * lang is the languages its entries were in, space-separated.  etag and
 * last_modified are the last answer's validators, sent back as
 * If-None-Match and If-Modified-Since; checked_at is the last attempt,
 * updated_at the last that succeeded, error the last failure (NULL after
 * a success); gone is set by an HTTP 410 (never fetched again), and
 * retry_after (seconds since the epoch) holds fetching off after a 429
 * or 503 that said so.  feed_entry maps (feed, entry id or link) to the
 * article it became, with a 64-bit digest of the entry's fields: a
 * repeat with the same digest is skipped, another updates the article.
 * An article of several per-language feeds has a feed_entry of each.
 * link is the entry's page and comments_feed its comment feed, if it
 * has one (read by site-feed.c into the comments of that page's URL).
 *
 * policy is 'unknown', 'open', 'login' or 'closed'; comment.state is
 * 'source' (imported; seq is the importer's id), 'draft' or 'posted'
 * (written here; seq NULL), or 'stale' only inside a re-import.  An
 * alignment row says a_count paragraphs of lang_a from a_first face
 * b_count of lang_b from b_first: 1-1, 1-2, 2-1, 1-0 and 0-1 all fit.
 *
 * Indexes, one for each query the reader makes (test-cache checks the
 * plans):
 *
 *   article_list (imported_at DESC, id DESC)    the list, keyset paging
 *   article_unread, article_starred (the same, WHERE read = 0 / starred
 *     = 1)                                      the list's state filters
 *   article_date (date DESC, id DESC)           the list by date
 *   article UNIQUE (source_id, key)             re-import finds its row
 *   article_url (url_norm)                      ... or by its URL
 *   translation_url (url_norm, article_id)      ... or a translation's
 *   translation UNIQUE (article_id, lang)       one per language
 *   translation_order (article_id, position)    an article's languages
 *   paragraph UNIQUE (translation_id, idx)      a translation's text,
 *                                               or a range of it
 *   paragraph_bytes (translation_id, idx, bytes) its lengths alone: what
 *                                               the reader opens with
 *   comment UNIQUE (article_id, seq)            comments; source upsert
 *   comment_remote UNIQUE (article_id, remote_url, remote_id)  site sync
 *   comment_pending (pending > 0)               comments --send
 *   comment_parent (parent_id)                  SET NULL on delete
 *   alignment UNIQUE (article_id, lang_a, lang_b, idx)
 *   source UNIQUE (location), setting and article_setting primary keys
 *   feed UNIQUE (url); feed_entry, feed_tag primary keys (feed, ...)
 *   feed_entry_article (article_id, feed_id)    a feed's counts, purge,
 *                                               the list's feed column
 *                                               and its --feed filter
 *
 * Every child row goes when its article goes (ON DELETE CASCADE, with
 * foreign_keys on).  Alignments hang off the article and name their
 * languages rather than pointing at translation rows, so re-importing
 * an article (which replaces its translations) keeps the manual ones.
 * The article list pages by keyset on (imported_at DESC, id DESC), served
 * by the index article_list; imported_at is the first import and does
 * not move on re-import, so pages stay stable.
 *
 * Versions: PRAGMA user_version counts the entries of cache_migrations[]
 * applied, each in its own transaction.  A file from a newer tandem is
 * refused before anything is written to it.
 */
#include "config.h"

#include "cache-int.h"

/*
 * The triggers that keep search_T (FTS5 over column C of table TABLE) in
 * step: each only notes the row in search_queue_T, with the text the
 * index holds for it if any (NULL: none yet), and cache_search_step()
 * indexes it later (see migration 7 and cache-search.c).
 */
#define CACHE_SEARCH_TRIGGERS(T, TABLE, C) \
	"CREATE TRIGGER IF NOT EXISTS search_" T "_add AFTER INSERT ON " \
	TABLE " BEGIN INSERT OR IGNORE INTO search_queue_" T " (id, old)" \
	" VALUES (new.id, NULL); END;" \
	"CREATE TRIGGER IF NOT EXISTS search_" T "_remove AFTER DELETE ON " \
	TABLE " BEGIN INSERT OR IGNORE INTO search_queue_" T " (id, old)" \
	" VALUES (old.id, old." C "); END;" \
	"CREATE TRIGGER IF NOT EXISTS search_" T "_change AFTER UPDATE OF " \
	C " ON " TABLE " BEGIN INSERT OR IGNORE INTO search_queue_" T \
	" (id, old) VALUES (old.id, old." C "); END;"

static const char *const cache_migrations[] = {
	/* 1: the first schema. */
	"CREATE TABLE source ("
	" id INTEGER PRIMARY KEY,"
	" location TEXT NOT NULL UNIQUE,"
	" added_at INTEGER NOT NULL);"
	"CREATE TABLE article ("
	" id INTEGER PRIMARY KEY,"
	" source_id INTEGER NOT NULL"
	"  REFERENCES source(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" url TEXT, date TEXT, author TEXT, original TEXT,"
	" policy TEXT NOT NULL DEFAULT 'unknown'"
	"  CHECK (policy IN ('unknown', 'open', 'login', 'closed')),"
	" read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),"
	" imported_at INTEGER NOT NULL,"
	" updated_at INTEGER NOT NULL,"
	" UNIQUE (source_id, key));"
	"CREATE INDEX article_list ON article (imported_at DESC, id DESC);"
	"CREATE TABLE translation ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" lang TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" title TEXT NOT NULL,"
	" title_derived INTEGER NOT NULL DEFAULT 0,"
	" lang_confidence REAL NOT NULL DEFAULT 1,"
	" url TEXT,"
	" imported_at INTEGER NOT NULL,"
	" UNIQUE (article_id, lang));"
	"CREATE INDEX translation_order ON translation (article_id, position);"
	"CREATE TABLE paragraph ("
	" id INTEGER PRIMARY KEY,"
	" translation_id INTEGER NOT NULL"
	"  REFERENCES translation(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" UNIQUE (translation_id, idx));"
	"CREATE TABLE alignment ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" lang_a TEXT NOT NULL, lang_b TEXT NOT NULL,"
	" idx INTEGER NOT NULL,"
	" a_first INTEGER NOT NULL, a_count INTEGER NOT NULL,"
	" b_first INTEGER NOT NULL, b_count INTEGER NOT NULL,"
	" confidence REAL NOT NULL DEFAULT 0,"
	" manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),"
	" CHECK (a_count >= 0 AND b_count >= 0 AND a_count + b_count > 0),"
	" UNIQUE (article_id, lang_a, lang_b, idx));"
	"CREATE TABLE comment ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" parent_id INTEGER REFERENCES comment(id) ON DELETE SET NULL,"
	" seq INTEGER,"			/* the importer's id; NULL if local */
	" author TEXT, body TEXT NOT NULL, lang TEXT, created TEXT,"
	" state TEXT NOT NULL DEFAULT 'draft'"
	"  CHECK (state IN ('source', 'draft', 'posted', 'stale')),"
	" UNIQUE (article_id, seq));"
	"CREATE INDEX comment_parent ON comment (parent_id);"
	"CREATE TABLE setting ("
	" key TEXT PRIMARY KEY,"
	" value TEXT NOT NULL);"
	"CREATE TABLE article_setting ("
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (article_id, key));",
	/*
	 * 2: the number of articles, kept by triggers: counting 100,000
	 * rows read every page of an index and took half the reader's
	 * start-up.
	 */
	"CREATE TABLE article_count (n INTEGER NOT NULL);"
	"INSERT INTO article_count SELECT count(*) FROM article;"
	"CREATE TRIGGER article_count_add AFTER INSERT ON article"
	" BEGIN UPDATE article_count SET n = n + 1; END;"
	"CREATE TRIGGER article_count_remove AFTER DELETE ON article"
	" BEGIN UPDATE article_count SET n = n - 1; END;",
	/*
	 * 3: an article is known by its URL, or a translation's
	 * (cache-sink.c).  The normal form (url.h) is a column of its own,
	 * as the URL shown and exported stays as the source spelled it;
	 * old rows get it through the SQL function url_normalize(), one
	 * statement a table.  Two articles of an old cache with one URL
	 * stay two; the next import of it updates the older.
	 */
	"ALTER TABLE article ADD COLUMN url_norm TEXT;"
	"UPDATE article SET url_norm = url_normalize(url)"
	" WHERE url IS NOT NULL;"
	"CREATE INDEX article_url ON article (url_norm);"
	"ALTER TABLE translation ADD COLUMN url_norm TEXT;"
	"UPDATE translation SET url_norm = url_normalize(url)"
	" WHERE url IS NOT NULL;"
	"CREATE INDEX translation_url ON translation (url_norm, article_id);",
	/*
	 * 4: reading state.  A star (bookmark) beside the read mark, both
	 * untouched by re-import and update; the unread and starred counts
	 * kept by triggers beside the article count, so that the list's
	 * header costs nothing at 100,000 articles; partial indexes in list
	 * order for the unread and starred filters, and one for the list by
	 * the article's own date.
	 */
	"ALTER TABLE article ADD COLUMN starred INTEGER NOT NULL DEFAULT 0"
	" CHECK (starred IN (0, 1));"
	"ALTER TABLE article_count ADD COLUMN unread INTEGER NOT NULL"
	" DEFAULT 0;"
	"ALTER TABLE article_count ADD COLUMN starred INTEGER NOT NULL"
	" DEFAULT 0;"
	"UPDATE article_count SET"
	" unread = (SELECT count(*) FROM article WHERE read = 0);"
	"DROP TRIGGER article_count_add;"
	"DROP TRIGGER article_count_remove;"
	"CREATE TRIGGER article_count_add AFTER INSERT ON article"
	" BEGIN UPDATE article_count SET n = n + 1,"
	" unread = unread + (new.read = 0), starred = starred + new.starred;"
	" END;"
	"CREATE TRIGGER article_count_remove AFTER DELETE ON article"
	" BEGIN UPDATE article_count SET n = n - 1,"
	" unread = unread - (old.read = 0), starred = starred - old.starred;"
	" END;"
	"CREATE TRIGGER article_count_state AFTER UPDATE OF read, starred"
	" ON article WHEN new.read != old.read OR new.starred != old.starred"
	" BEGIN UPDATE article_count SET"
	" unread = unread + (new.read = 0) - (old.read = 0),"
	" starred = starred + new.starred - old.starred; END;"
	"CREATE INDEX article_unread ON article (imported_at DESC, id DESC)"
	" WHERE read = 0;"
	"CREATE INDEX article_starred ON article (imported_at DESC, id DESC)"
	" WHERE starred = 1;"
	"CREATE INDEX article_date ON article (date DESC, id DESC);",
	/*
	 * 5: subscriptions (cache-feed.c).  A feed's articles keep the
	 * source it had when added (feed.source), so a 301 that moves
	 * feed.url neither duplicates nor orphans them; feed_entry says
	 * which article each entry became, and the digest of what the
	 * entry said, so an unchanged entry costs one lookup.  IF NOT
	 * EXISTS: a test makes an old cache by dropping what later
	 * migrations added, and these tables would survive that.
	 */
	"CREATE TABLE IF NOT EXISTS feed ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" source TEXT NOT NULL,"
	" title TEXT, site TEXT, lang TEXT,"
	" alternates INTEGER NOT NULL DEFAULT 1,"
	" full_text INTEGER NOT NULL DEFAULT 0,"
	" etag TEXT, last_modified TEXT,"
	" checked_at INTEGER, updated_at INTEGER,"
	" error TEXT,"
	" gone INTEGER NOT NULL DEFAULT 0,"
	" retry_after INTEGER,"
	" added_at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS feed_tag ("
	" feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL,"
	" PRIMARY KEY (feed_id, tag));"
	"CREATE TABLE IF NOT EXISTS feed_entry ("
	" feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" digest INTEGER NOT NULL,"
	" seen_at INTEGER NOT NULL,"
	" PRIMARY KEY (feed_id, key));"
	"CREATE INDEX IF NOT EXISTS feed_entry_article ON feed_entry (article_id, feed_id);",
	/*
	 * 6: comments with the site (site-wp.c).  A comment read from a
	 * site is a 'source' row with its remote_id, the URL of the
	 * translation whose comments it is (remote_url) and its link; a
	 * re-import leaves those rows to the next sync.  One's own comment
	 * sent to a site gets the same columns; pending says it still has
	 * to go (1), or may have gone and is looked up before it is sent
	 * again (2).  Accounts name a site's user and where the password
	 * comes from, never the password.
	 */
	"ALTER TABLE comment ADD COLUMN remote_id INTEGER;"
	"ALTER TABLE comment ADD COLUMN remote_url TEXT;"
	"ALTER TABLE comment ADD COLUMN link TEXT;"
	"ALTER TABLE comment ADD COLUMN pending INTEGER NOT NULL DEFAULT 0"
	" CHECK (pending IN (0, 1, 2));"
	"CREATE UNIQUE INDEX comment_remote ON comment"
	" (article_id, remote_url, remote_id) WHERE remote_id IS NOT NULL;"
	"CREATE INDEX comment_pending ON comment (pending) WHERE pending > 0;"
	"CREATE TABLE account ("
	" site TEXT PRIMARY KEY,"
	" user TEXT NOT NULL,"
	" password_command TEXT, password_env TEXT, password_file TEXT,"
	" added_at INTEGER NOT NULL);",
	/*
	 * 7: the full-text index (cache-search.c): external content over
	 * paragraph and translation.  Triggers queue every row inserted,
	 * changed or removed, with the text the index has for it; the
	 * queue is indexed later, a step at a time (cache-search.c).
	 * FTS5 writes a segment at every savepoint, and the sink takes one
	 * an article; and a trigger that touched the index would make
	 * every writer need our tokenizer, the sqlite3 shell included.
	 * A cascade fires them too.  The rows an old cache has are
	 * indexed here.  IF NOT EXISTS: a cache taken back to an older
	 * version by hand (as tests/e2e/import.sh does) keeps its index
	 * tables, which SQLite without our tokenizer cannot drop; the
	 * rebuild makes them right.
	 */
	"CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(text,"
	" content='paragraph', content_rowid='id', tokenize='tandem');"
	"CREATE VIRTUAL TABLE IF NOT EXISTS search_title USING fts5(title,"
	" content='translation', content_rowid='id', tokenize='tandem');"
	"CREATE TABLE IF NOT EXISTS search_queue_text"
	" (id INTEGER PRIMARY KEY, old TEXT);"
	"CREATE TABLE IF NOT EXISTS search_queue_title"
	" (id INTEGER PRIMARY KEY, old TEXT);"
	CACHE_SEARCH_TRIGGERS("text", "paragraph", "text")
	CACHE_SEARCH_TRIGGERS("title", "translation", "title")
	"INSERT INTO search_text (search_text) VALUES ('rebuild');"
	"INSERT INTO search_title (search_title) VALUES ('rebuild');",
	/*
	 * 8: an entry's comment feed (wfw:commentRss, Atom replies) and the
	 * page it is the comments of (the translation URL its comments go
	 * with), for site-feed.c.
	 */
	"ALTER TABLE feed_entry ADD COLUMN link TEXT;"
	"ALTER TABLE feed_entry ADD COLUMN comments_feed TEXT;",
	/*
	 * 9: each paragraph's length in bytes, and an index that holds it
	 * beside (translation_id, idx): the reader opens an article from
	 * that index alone and reads the text of the rows it lays out
	 * (cache_article_open), where length() would read every text.
	 * The sink sets bytes; the triggers keep it for any other writer
	 * (the sqlite3 shell, a script), and the text change trigger only
	 * sets bytes, so it does not fire the search index's again.
	 */
	"ALTER TABLE paragraph ADD COLUMN bytes INTEGER;"
	"UPDATE paragraph SET bytes = length(CAST(text AS BLOB));"
	"CREATE INDEX paragraph_bytes ON paragraph (translation_id, idx, bytes);"
	"CREATE TRIGGER paragraph_bytes_add AFTER INSERT ON paragraph"
	" WHEN new.bytes IS NULL BEGIN UPDATE paragraph SET bytes ="
	" length(CAST(new.text AS BLOB)) WHERE id = new.id; END;"
	"CREATE TRIGGER paragraph_bytes_change AFTER UPDATE OF text ON"
	" paragraph BEGIN UPDATE paragraph SET bytes ="
	" length(CAST(new.text AS BLOB)) WHERE id = new.id; END;",
	/*
	 * 10: a translation's paragraph lengths in one row (cache-pack.c),
	 * so opening an article steps one row a translation, not one a
	 * paragraph.  The sink writes the packs of each article it
	 * imports; any change to a translation's paragraphs, by whatever
	 * writer, deletes its pack and the reader goes back to the rows
	 * (and writes a new pack).  Old caches get no packs here: building
	 * them would read every length of every article at upgrade, while
	 * the reader builds one the first time an article is opened.
	 */
	"CREATE TABLE paragraph_pack ("
	" translation_id INTEGER PRIMARY KEY"
	" REFERENCES translation (id) ON DELETE CASCADE,"
	" n INTEGER NOT NULL, bytes BLOB NOT NULL);"
	"CREATE TRIGGER paragraph_pack_add AFTER INSERT ON paragraph BEGIN"
	" DELETE FROM paragraph_pack WHERE translation_id ="
	" new.translation_id; END;"
	"CREATE TRIGGER paragraph_pack_remove AFTER DELETE ON paragraph BEGIN"
	" DELETE FROM paragraph_pack WHERE translation_id ="
	" old.translation_id; END;"
	"CREATE TRIGGER paragraph_pack_change AFTER UPDATE OF translation_id,"
	" idx, text, bytes ON paragraph BEGIN"
	" DELETE FROM paragraph_pack WHERE translation_id IN"
	" (old.translation_id, new.translation_id); END;",
};
#define CACHE_VERSION \
	((int)(sizeof cache_migrations / sizeof cache_migrations[0]))

int
cache_version(void)
{
	return CACHE_VERSION;
}

/* The SQL that takes a cache from version - 1 to version. */
const char *
cache_migration_sql(int version)
{
	if (version < 1 || version > CACHE_VERSION)
		return NULL;
	return cache_migrations[version - 1];
}
