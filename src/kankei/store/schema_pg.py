"""The knowledge base schema on PostgreSQL: the same numbered migrations as schema.py, in its dialect.

PG_MIGRATIONS[n] brings a base from version n to n + 1, as MIGRATIONS[n] does on SQLite; a new
migration is added to both lists. What differs: REAL is double precision; the tables the code reads by
`rowid` (documents, events) number their rows in a `rowid` column; full-text search is a tsvector column
(`fts`) with a GIN index instead of an FTS5 table; the version is kept in the
table kankei_schema (SQLite's PRAGMA user_version). Full-text search reads words as FTS5's default
tokenizer does (see serve/fts.py).
"""
from __future__ import annotations

NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

FTS_CHARS = 1_000_000
"""Characters of a document that full-text search indexes (a tsvector holds at most 1 MB)."""

MAX_POSITIONS = 256
"""Positions a tsvector keeps of one word in one document (PostgreSQL's MAXNUMPOS)."""
TERM_WEIGHTS = "(ARRAY[" + ",".join(repr(sum(0.1 / (j * j) for j in range(1, n + 1)) / 1.64493406685)
                                   for n in range(1, MAX_POSITIONS + 1)) + "]::float8[])"
"""What a word found at n positions of a document adds to ts_rank(fts, query) for a query whose operator
is OR (or one word or prefix): sum(0.1 / j^2) over j = 1..n, / 1.64493406685 (ts_rank's calc_rank_or;
fts has no weights: every position has weight D, 0.1), for n = 1..MAX_POSITIONS."""

PG_MIGRATIONS: list[str] = [
    # 1
    f"""
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, doc TEXT NOT NULL, path TEXT, title TEXT, published TEXT, format TEXT,
        encoding TEXT, offsets TEXT, chars INTEGER NOT NULL, text TEXT NOT NULL, extractor TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT ({NOW}),
        rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
    );
    CREATE INDEX documents_path ON documents(path);
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, origin TEXT NOT NULL);
    CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
        how TEXT
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_document ON mentions(document_id, start);
    CREATE TABLE times (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
        value TEXT, type TEXT, date_lo TEXT, date_hi TEXT
    );
    CREATE INDEX times_document ON times(document_id, start);
    CREATE TABLE quantities (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
        value DOUBLE PRECISION, low DOUBLE PRECISION, high DOUBLE PRECISION, unit TEXT, qualifier TEXT,
        sentence_start INTEGER, sentence_end INTEGER
    );
    CREATE INDEX quantities_document ON quantities(document_id, start);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL, date TEXT, date_lo TEXT, date_hi TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER, sentence TEXT,
        modality TEXT NOT NULL DEFAULT 'asserted',
        hedged INTEGER NOT NULL DEFAULT 0,
        cameo TEXT, goldstein DOUBLE PRECISION, quad INTEGER, plover TEXT,
        rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
    );
    CREATE INDEX events_date ON events(date_lo, date_hi);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_document ON events(document_id);
    CREATE TABLE event_participants (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL, entity_id TEXT NOT NULL, start INTEGER, "end" INTEGER,
        PRIMARY KEY (event_id, role, entity_id)
    );
    CREATE INDEX participants_entity ON event_participants(entity_id);
    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, parts TEXT
    );
    CREATE INDEX notes_document ON notes(document_id, number);
    CREATE TABLE citations (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        note TEXT NOT NULL, marker_start INTEGER NOT NULL, marker_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL
    );
    CREATE INDEX citations_document ON citations(document_id, sentence_start);
    CREATE VIEW events_view AS
        SELECT e.id, e.date, e.type, e.exact AS trigger, e.modality, e.hedged,
               (SELECT string_agg(en.name || ' (' || p.role || ')', '; ')
                  FROM event_participants p JOIN entities en ON en.id = p.entity_id
                 WHERE p.event_id = e.id) AS actors,
               e.sentence AS quote, d.title AS document, d.doc AS doc, e.cameo, e.goldstein, e.plover
          FROM events e JOIN documents d ON d.id = e.document_id;
    CREATE VIEW mentions_view AS
        SELECT m.id, en.name, en.type, m.entity_id, m.exact, d.doc, m.start, m."end"
          FROM mentions m JOIN entities en ON en.id = m.entity_id JOIN documents d ON d.id = m.document_id;
    CREATE VIEW quantities_view AS
        SELECT q.id, q.value, q.low, q.high, q.unit, q.qualifier, q.exact,
               substr(d.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS quote, d.doc
          FROM quantities q JOIN documents d ON d.id = q.document_id;
    """,
    # 2: full-text search over documents: a tsvector kept by the server, with a GIN index
    f"""
    ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', regexp_replace(left(coalesce(title, '') || ' ' || text, {FTS_CHARS}),
                                              '[[:punct:]]+', ' ', 'g'))) STORED;
    CREATE INDEX documents_fts ON documents USING GIN (fts);
    """,
    # 3
    f"""
    CREATE TABLE judgements (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL, subject TEXT NOT NULL, object TEXT, note TEXT, author TEXT,
        created_at TEXT NOT NULL DEFAULT ({NOW}),
        undone_at TEXT
    );
    """,
    # 4: (SQLite's FTS5 index rebuild; the tsvector column needs none)
    "SELECT 1;",
    # 5
    """
    ALTER TABLE mentions ADD COLUMN machine_entity_id TEXT;
    UPDATE mentions SET machine_entity_id = entity_id;
    ALTER TABLE event_participants ADD COLUMN machine_entity_id TEXT;
    UPDATE event_participants SET machine_entity_id = entity_id;
    CREATE INDEX mentions_machine ON mentions(machine_entity_id);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        quantity_id TEXT NOT NULL, subject TEXT NOT NULL, subject_name TEXT NOT NULL, property TEXT NOT NULL,
        time TEXT, time_lo TEXT, time_hi TEXT, time_label TEXT,
        value DOUBLE PRECISION, low DOUBLE PRECISION, high DOUBLE PRECISION, unit TEXT, qualifier TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, exact TEXT NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER
    );
    CREATE INDEX claims_subject ON claims(subject, property);
    CREATE TABLE event_groups (
        event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL
    );
    CREATE INDEX event_groups_group ON event_groups(group_id);
    ALTER TABLE judgements ADD COLUMN machine INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: the explorer's indexes, full-text search over event sentences, summary tables
    """
    CREATE INDEX events_type_date ON events(type, date_lo, date_hi);
    CREATE INDEX events_span_date ON events((CASE WHEN date_lo = date_hi THEN 0
        WHEN substr(date_lo, 1, 7) = substr(date_hi, 1, 7) THEN 1
        WHEN substr(date_lo, 1, 4) = substr(date_hi, 1, 4) THEN 2
        WHEN substr(date_lo, 1, 3) = substr(date_hi, 1, 3) THEN 3
        WHEN substr(date_lo, 1, 2) = substr(date_hi, 1, 2) THEN 4 ELSE 5 END), date_lo, date_hi);
    CREATE INDEX participants_entity_event ON event_participants(entity_id, event_id);
    ALTER TABLE events ADD COLUMN fts tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', regexp_replace(coalesce(sentence, ''), '[[:punct:]]+', ' ', 'g'))) STORED;
    CREATE INDEX events_fts ON events USING GIN (fts);
    CREATE TABLE summary_state (
        name TEXT PRIMARY KEY, stamp TEXT NOT NULL,
        refreshed_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    );
    CREATE TABLE summary_buckets (
        scope TEXT NOT NULL, unit TEXT NOT NULL, bucket TEXT NOT NULL, type TEXT NOT NULL,
        quad INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (scope, unit, bucket, type, quad)
    );
    CREATE TABLE summary_entities (
        entity_id TEXT PRIMARY KEY, events INTEGER NOT NULL, mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL, first TEXT, last TEXT
    );
    CREATE TABLE summary_entity_years (
        year TEXT NOT NULL, entity_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (year, entity_id)
    );
    CREATE TABLE summary_aliases (
        entity_id TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (entity_id, alias)
    );
    CREATE TABLE summary_pairs (
        a TEXT NOT NULL, b TEXT NOT NULL, year TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (a, b, year)
    );
    CREATE TABLE summary_partners (a TEXT NOT NULL, b TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (a, b));
    CREATE INDEX summary_partners_top ON summary_partners(a, n);
    CREATE TABLE summary_doc_facets (
        document_id TEXT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (document_id, facet, value)
    );
    CREATE INDEX summary_doc_facets_value ON summary_doc_facets(facet, value, document_id);
    """,
    # 7
    """
    CREATE TABLE build_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    """,
    # 8
    """
    DROP INDEX events_type_date;
    CREATE INDEX events_type_date ON events(type, date_lo, date_hi, quad, document_id);
    CREATE INDEX events_id_date ON events(id, date_lo, date_hi, type, quad, document_id);
    """,
    # 9
    """
    CREATE TABLE regroup (event_id TEXT PRIMARY KEY);
    INSERT INTO regroup (event_id) SELECT id FROM events;
    INSERT INTO build_state (key, value) SELECT 'reconcile', 1 WHERE EXISTS (SELECT 1 FROM events)
        ON CONFLICT(key) DO UPDATE SET value = build_state.value + 1;
    """,
    # 10: event groups kept local (links, anchors, blocks)
    """
    CREATE TABLE event_links (
        a TEXT NOT NULL, b TEXT NOT NULL,
        strong INTEGER NOT NULL, similarity DOUBLE PRECISION NOT NULL, shared INTEGER NOT NULL,
        b_span INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE TABLE event_anchors (
        event_id TEXT PRIMARY KEY, document_id TEXT NOT NULL, span INTEGER NOT NULL, centre INTEGER NOT NULL,
        anchor TEXT
    );
    CREATE INDEX event_anchors_anchor ON event_anchors(anchor);
    CREATE TABLE event_blocks (
        block TEXT NOT NULL, lo TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (block, lo, event_id)
    );
    CREATE INDEX event_blocks_event ON event_blocks(event_id);
    INSERT INTO regroup (event_id) SELECT id FROM events ON CONFLICT DO NOTHING;
    INSERT INTO build_state (key, value) SELECT 'reconcile', 1 WHERE EXISTS (SELECT 1 FROM events)
        ON CONFLICT(key) DO UPDATE SET value = build_state.value + 1;
    """,
    # 11: (SQLite's FTS5 prefix indexes; a tsquery prefix reads the GIN index as it is)
    "SELECT 1;",
    # 12: the words of each document with their weight in ts_rank, so that a search ranks its matches
    # from the index of its own words instead of reading each matching document's whole vector (see
    # serve/search.py), kept by the server with the documents (a trigger; the triggers are made by
    # EXECUTE: the migration's splitter would read CREATE TRIGGER as SQLite's). One index and no key:
    # each key checked and indexed made writing a document's words cost three times as much.
    f"""
    CREATE TABLE document_terms (
        document_rowid BIGINT NOT NULL,
        lexeme TEXT COLLATE "C" NOT NULL,
        weight DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX document_terms_lexeme ON document_terms(lexeme, document_rowid) INCLUDE (weight);
    CREATE FUNCTION kankei_document_terms() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM document_terms WHERE lexeme = ANY(tsvector_to_array(OLD.fts)) AND document_rowid = OLD.rowid
        ; END IF
        ; IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO document_terms (document_rowid, lexeme, weight)
                SELECT NEW.rowid, u.lexeme, {TERM_WEIGHTS}[least(coalesce(cardinality(u.positions), 1), {MAX_POSITIONS})]
                  FROM unnest(NEW.fts) AS u
        ; END IF
        ; RETURN NULL
        ; END $$;
    DO $$ BEGIN
        EXECUTE 'CREATE TRIGGER document_terms AFTER INSERT OR DELETE OR UPDATE OF title, text ON documents
                 FOR EACH ROW EXECUTE FUNCTION kankei_document_terms()'
        ; END $$;
    INSERT INTO document_terms (document_rowid, lexeme, weight)
        SELECT d.rowid, u.lexeme, {TERM_WEIGHTS}[least(coalesce(cardinality(u.positions), 1), {MAX_POSITIONS})]
          FROM documents d, unnest(d.fts) AS u;
    ANALYZE document_terms;
    """,
    # 13: claims reconciled at build time (see schema.py)
    """
    CREATE TABLE claim_series (
        id TEXT PRIMARY KEY,
        subject TEXT NOT NULL, property TEXT NOT NULL, subject_name TEXT NOT NULL,
        untimed INTEGER NOT NULL, width DOUBLE PRECISION NOT NULL,
        points INTEGER NOT NULL, conflicts INTEGER NOT NULL
    );
    CREATE INDEX claim_series_order ON claim_series(untimed, width, subject, property);
    CREATE INDEX claim_series_subject ON claim_series(subject, property);
    CREATE TABLE claim_points (
        series_id TEXT NOT NULL, n INTEGER NOT NULL, head TEXT NOT NULL, sources TEXT NOT NULL,
        PRIMARY KEY (series_id, n)
    );
    CREATE TABLE claim_conflicts (
        id TEXT NOT NULL, series_id TEXT NOT NULL, n INTEGER NOT NULL,
        subject TEXT NOT NULL, property TEXT NOT NULL, time TEXT,
        a INTEGER NOT NULL, b INTEGER NOT NULL,
        PRIMARY KEY (series_id, n)
    );
    CREATE INDEX claim_conflicts_order ON claim_conflicts(subject, property, n);
    CREATE INDEX claim_conflicts_id ON claim_conflicts(id);
    CREATE TABLE claim_regroup (subject TEXT NOT NULL, property TEXT NOT NULL, PRIMARY KEY (subject, property));
    CREATE TABLE claim_canon (subject TEXT PRIMARY KEY, canonical TEXT NOT NULL);
    CREATE INDEX claims_subject_name ON claims(lower(subject_name));
    INSERT INTO claim_regroup (subject, property) SELECT DISTINCT subject, property FROM claims ON CONFLICT DO NOTHING;
    INSERT INTO build_state (key, value) SELECT 'reconcile', 1 WHERE EXISTS (SELECT 1 FROM claims)
        ON CONFLICT(key) DO UPDATE SET value = build_state.value + 1;
    """,
]
