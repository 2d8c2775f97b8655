"""The PostgreSQL store's tables. Bump STORE_SCHEMA when a table changes: older stores are refused.

The tables mirror the SQLite store's (see sqlite_schema.py) so both answer the same queries the same way;
full-text search uses generated tsvector columns with GIN indexes instead of FTS5 tables.
"""

from __future__ import annotations

STORE_SCHEMA = "newsgraph.store.postgres/2"

#: The text search configuration. 'simple' (no stemming, no stop words) finds what SQLite's unicode61
#: tokenizer finds, so a query answers the same on both backends.
TS_CONFIG = "simple"

#: Every table the store owns; a database holding other tables but no `meta` is not a newsgraph store.
TABLE_NAMES = (
    "meta",
    "documents",
    "sentences",
    "actors",
    "actor_keys",
    "entities",
    "relations",
    "quotes",
    "events",
    "event_actors",
    "mentions",
    "failures",
)

DDL = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    url TEXT, title TEXT, source TEXT, published TEXT, origin TEXT,
    hash TEXT NOT NULL,
    data BYTEA NOT NULL,         -- the contract document, zlib-compressed JSON
    added TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;

CREATE TABLE sentences (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}', text)) STORED
);
CREATE INDEX sentences_doc ON sentences(doc_id, idx);
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, name TEXT NOT NULL, country TEXT, sector TEXT, geonameid TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    names TEXT NOT NULL, titles TEXT NOT NULL,       -- JSON lists
    documents INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_country ON actors(country, documents);
CREATE INDEX actors_documents ON actors(documents);
CREATE TABLE actor_keys (key TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (key, actor_id));
CREATE INDEX actor_keys_actor ON actor_keys(actor_id);

CREATE TABLE entities (
    doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, actor_id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT,
    country_source TEXT, sector_source TEXT, kb_id TEXT,
    titles TEXT NOT NULL, aliases TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX entities_actor ON entities(actor_id);

CREATE TABLE relations (
    doc_id TEXT NOT NULL, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE INDEX relations_doc ON relations(doc_id);
CREATE INDEX relations_subject ON relations(subject);
CREATE INDEX relations_object ON relations(object);

CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL, quote_id TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    speaker TEXT, speaker_text TEXT, cue TEXT, sentence INTEGER NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}', text)) STORED
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker, id);
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);

-- Corpus events: one per happening, with the counts of the reports behind it.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL, type TEXT NOT NULL, date TEXT, vague INTEGER NOT NULL,
    mode TEXT, contexts TEXT NOT NULL, location TEXT,
    num_sources INTEGER NOT NULL DEFAULT 0, num_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_key_date ON events(key, date);
CREATE INDEX events_date ON events(date DESC NULLS LAST);
CREATE INDEX events_type ON events(type, date);
CREATE TABLE event_actors (
    event_id TEXT NOT NULL, actor_id TEXT NOT NULL, role TEXT NOT NULL,
    date TEXT, type TEXT NOT NULL,   -- the event's, copied so `events --actor` reads one index
    PRIMARY KEY (actor_id, role, event_id)
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_date ON event_actors(actor_id, date DESC NULLS LAST, type);

-- Each report of an event in a document (the document's own Event record).
CREATE TABLE mentions (
    doc_id TEXT NOT NULL, local_id TEXT NOT NULL, event_id TEXT NOT NULL,
    sentence INTEGER NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    trigger TEXT NOT NULL, date TEXT, modality TEXT NOT NULL, negated INTEGER NOT NULL,
    attributed_to TEXT, confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE failures (origin TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
"""
