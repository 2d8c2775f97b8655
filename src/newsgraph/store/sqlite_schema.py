"""The SQLite store's tables. Bump STORE_SCHEMA when a table changes: older stores are refused."""

from __future__ import annotations

STORE_SCHEMA = "newsgraph.store/3"


def _full_text(table: str) -> str:
    """An FTS5 index over `table`.text (an external-content table: the text is stored once, in `table`)
    and the triggers that keep it in step with the rows inserted and deleted (rows are never updated)."""
    return f"""\
CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5(text, content='{table}', content_rowid='rowid');
CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;"""


DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    url TEXT, title TEXT, source TEXT, published TEXT, origin TEXT,
    hash TEXT NOT NULL,
    data BLOB NOT NULL,          -- the contract document, zlib-compressed JSON
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url) WHERE url IS NOT NULL;

CREATE TABLE IF NOT EXISTS sentences (
    rowid INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc_id, idx);
{_full_text("sentences")}

CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, name TEXT NOT NULL, country TEXT, sector TEXT, geonameid TEXT, lat REAL, lon REAL,
    names TEXT NOT NULL, titles TEXT NOT NULL,       -- JSON lists
    documents INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS actors_country ON actors(country, documents);
CREATE INDEX IF NOT EXISTS actors_documents ON actors(documents);
CREATE TABLE IF NOT EXISTS actor_keys (
    key TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (key, actor_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_keys_actor ON actor_keys(actor_id);

CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, actor_id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT,
    country_source TEXT, sector_source TEXT, kb_id TEXT,
    titles TEXT NOT NULL, aliases TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor_id);

CREATE TABLE IF NOT EXISTS relations (
    doc_id TEXT NOT NULL, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS relations_doc ON relations(doc_id);
CREATE INDEX IF NOT EXISTS relations_subject ON relations(subject);
CREATE INDEX IF NOT EXISTS relations_object ON relations(object);

CREATE TABLE IF NOT EXISTS quotes (
    rowid INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL, quote_id TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    speaker TEXT, speaker_text TEXT, cue TEXT, sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
{_full_text("quotes")}

-- Corpus events: one per happening, with the counts of the reports behind it.
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL, type TEXT NOT NULL, date TEXT, vague INTEGER NOT NULL,
    mode TEXT, contexts TEXT NOT NULL, location TEXT,
    num_sources INTEGER NOT NULL DEFAULT 0, num_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_key_date ON events(key, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type ON events(type, date);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL, actor_id TEXT NOT NULL, role TEXT NOT NULL,
    date TEXT, type TEXT NOT NULL,   -- the event's, copied so `events --actor` reads one index
    PRIMARY KEY (actor_id, role, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS event_actors_date ON event_actors(actor_id, date, type);

-- Each report of an event in a document (the document's own Event record).
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL, local_id TEXT NOT NULL, event_id TEXT NOT NULL,
    sentence INTEGER NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    trigger TEXT NOT NULL, date TEXT, modality TEXT NOT NULL, negated INTEGER NOT NULL,
    attributed_to TEXT, confidence REAL NOT NULL,
    PRIMARY KEY (doc_id, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);

CREATE TABLE IF NOT EXISTS failures (origin TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
"""
