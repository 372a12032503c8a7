"""The knowledge base schema, as numbered migrations. Each migration runs once, in order."""
from __future__ import annotations

# Version N is reached by applying MIGRATIONS[0..N-1]. Never edit a published migration:
# add a new one.
MIGRATIONS: list[str] = [
    # 1: documents and what was extracted from them, each value a statement with its span
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,            -- content hash: the same text is the same document
        doc TEXT NOT NULL,              -- file name without extension
        path TEXT,
        title TEXT,
        published TEXT,                 -- EDTF
        format TEXT,
        encoding TEXT,
        offsets TEXT,                   -- 'source' or 'extracted'
        chars INTEGER NOT NULL,
        text TEXT NOT NULL,
        extractor TEXT NOT NULL,        -- kankei version that extracted it
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE INDEX documents_path ON documents(path);

    CREATE TABLE entities (
        id TEXT PRIMARY KEY,            -- 'org:chongryon', 'person:hanako_sato'
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        origin TEXT NOT NULL            -- 'knowledge' (from the knowledge files) or 'detected'
    );

    -- Every statement keeps its span and a quote selector (exact/prefix/suffix), so it can
    -- be re-anchored if offsets drift and always shown in context.
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
        value TEXT, type TEXT,
        date_lo TEXT, date_hi TEXT      -- earliest and latest day the value can denote
    );
    CREATE INDEX times_document ON times(document_id, start);

    CREATE TABLE quantities (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
        value REAL, low REAL, high REAL, unit TEXT, qualifier TEXT,
        sentence_start INTEGER, sentence_end INTEGER
    );
    CREATE INDEX quantities_document ON quantities(document_id, start);

    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT,                      -- EDTF
        date_lo TEXT, date_hi TEXT,     -- for sorting and range filters
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- the trigger
        exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER, sentence TEXT,
        modality TEXT NOT NULL DEFAULT 'asserted',
        hedged INTEGER NOT NULL DEFAULT 0,
        cameo TEXT, goldstein REAL, quad INTEGER, plover TEXT
    );
    CREATE INDEX events_date ON events(date_lo, date_hi);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_document ON events(document_id);

    CREATE TABLE event_participants (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL,             -- agent | patient | location
        entity_id TEXT NOT NULL,
        start INTEGER, "end" INTEGER,
        PRIMARY KEY (event_id, role, entity_id)
    );
    CREATE INDEX participants_entity ON event_participants(entity_id);

    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        parts TEXT                      -- JSON: author, recipient, date, title, archive, call number, pages...
    );
    CREATE INDEX notes_document ON notes(document_id, number);

    CREATE TABLE citations (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        note TEXT NOT NULL,
        marker_start INTEGER NOT NULL, marker_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL
    );
    CREATE INDEX citations_document ON citations(document_id, sentence_start);

    -- Readable views for people exploring the file with their own tools.
    CREATE VIEW events_view AS
        SELECT e.id, e.date, e.type, e.exact AS trigger, e.modality, e.hedged,
               (SELECT group_concat(en.name || ' (' || p.role || ')', '; ')
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
    # 2: full-text search over documents (content kept in documents; FTS5 indexes it)
    """
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 3: people's judgements (merges, splits, confirmations), kept apart from what the machine
    # extracted so they survive every rebuild
    """
    CREATE TABLE judgements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,             -- merge | split | confirm | reject
        subject TEXT NOT NULL,          -- an entity, event or statement id
        object TEXT,                    -- for merge: the entity merged into subject
        note TEXT,
        author TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        undone_at TEXT
    );
    """,
    # 4: index the documents stored before full-text search existed. Migration 2 made the index
    # but did not fill it, so a base migrated from schema 1 could not find its old documents, and
    # deleting one of them (when its file changed) corrupted the index. 'rebuild' is idempotent.
    """
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    """,
    # 5: reconciliation. The machine's entity choice is kept apart from the one in force
    # (after people's merges and splits); claims say what each number measures.
    """
    ALTER TABLE mentions ADD COLUMN machine_entity_id TEXT;
    UPDATE mentions SET machine_entity_id = entity_id;
    ALTER TABLE event_participants ADD COLUMN machine_entity_id TEXT;
    UPDATE event_participants SET machine_entity_id = entity_id;
    CREATE INDEX mentions_machine ON mentions(machine_entity_id);

    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        quantity_id TEXT NOT NULL,
        subject TEXT NOT NULL,          -- entity id (or population id)
        subject_name TEXT NOT NULL,
        property TEXT NOT NULL,
        time TEXT, time_lo TEXT, time_hi TEXT, time_label TEXT,
        value REAL, low REAL, high REAL, unit TEXT, qualifier TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, exact TEXT NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER
    );
    CREATE INDEX claims_subject ON claims(subject, property);

    -- the same occurrence told by several documents
    CREATE TABLE event_groups (
        event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL
    );
    CREATE INDEX event_groups_group ON event_groups(group_id);

    ALTER TABLE judgements ADD COLUMN machine INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: the explorer (`kankei serve`). Indexes for date-ordered pages of events filtered by type,
    # actor and period; full-text search over the sentences that state events; and summary tables
    # (counts per month and year, per actor, per pair of actors, per document) that the server
    # recomputes when the base has changed since (summary_state records what they were made from).
    # The span class of an event (0: a day, 1: within a month, 2: within a year, 3: within a decade,
    # 4: within a century, 5: longer or open) bounds how early an event can start and still overlap a
    # period, so overlap filters scan a bounded range of the index.
    """
    CREATE INDEX events_type_date ON events(type, date_lo, date_hi);
    CREATE INDEX events_span_date ON events((CASE WHEN date_lo = date_hi THEN 0
        WHEN substr(date_lo, 1, 7) = substr(date_hi, 1, 7) THEN 1
        WHEN substr(date_lo, 1, 4) = substr(date_hi, 1, 4) THEN 2
        WHEN substr(date_lo, 1, 3) = substr(date_hi, 1, 3) THEN 3
        WHEN substr(date_lo, 1, 2) = substr(date_hi, 1, 2) THEN 4 ELSE 5 END), date_lo, date_hi);
    CREATE INDEX participants_entity_event ON event_participants(entity_id, event_id);

    CREATE VIRTUAL TABLE events_fts USING fts5(sentence, content='events', content_rowid='rowid');
    CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, sentence) VALUES (new.rowid, new.sentence);
    END;
    CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.rowid, old.sentence);
    END;
    CREATE TRIGGER events_fts_au AFTER UPDATE OF sentence ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.rowid, old.sentence);
        INSERT INTO events_fts(rowid, sentence) VALUES (new.rowid, new.sentence);
    END;
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');

    CREATE TABLE summary_state (
        name TEXT PRIMARY KEY,
        stamp TEXT NOT NULL,            -- what the summaries were computed from (documents, judgements)
        refreshed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    -- events counted by the month or year of their earliest day (scope '' = all, else an entity id)
    CREATE TABLE summary_buckets (
        scope TEXT NOT NULL, unit TEXT NOT NULL, bucket TEXT NOT NULL, type TEXT NOT NULL,
        quad INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (scope, unit, bucket, type, quad)
    ) WITHOUT ROWID;
    CREATE TABLE summary_entities (
        entity_id TEXT PRIMARY KEY, events INTEGER NOT NULL, mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL, first TEXT, last TEXT
    ) WITHOUT ROWID;
    CREATE TABLE summary_entity_years (
        year TEXT NOT NULL, entity_id TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (year, entity_id)
    ) WITHOUT ROWID;
    CREATE TABLE summary_aliases (
        entity_id TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (entity_id, alias)
    ) WITHOUT ROWID;
    -- events two actors (not locations) take part in together, per year; a < b
    CREATE TABLE summary_pairs (
        a TEXT NOT NULL, b TEXT NOT NULL, year TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (a, b, year)
    ) WITHOUT ROWID;
    -- the same over all time, in both directions, for an actor's partners
    CREATE TABLE summary_partners (
        a TEXT NOT NULL, b TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX summary_partners_top ON summary_partners(a, n);
    -- per document: events by year, type and actor, for search facets
    CREATE TABLE summary_doc_facets (
        document_id TEXT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (document_id, facet, value)
    ) WITHOUT ROWID;
    CREATE INDEX summary_doc_facets_value ON summary_doc_facets(facet, value, document_id);
    """,
    # 7: what a build still owes the base. Each document a build writes or deletes bumps the
    # 'reconcile' counter in the same transaction; the build clears it once reconciliation has run.
    # A build killed after its last document but before reconciliation finished leaves it set, and
    # the next build (with nothing new to add) reconciles.
    """
    CREATE TABLE build_state (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    """,
    # 8: the explorer's indexes widened so that its counts and sorts read no table rows: events by
    # type also hold their quad class and document (counts per month, facets per document), and
    # events by id their dates, type and quad (the events of an actor, sorted by date).
    """
    DROP INDEX events_type_date;
    CREATE INDEX events_type_date ON events(type, date_lo, date_hi, quad, document_id);
    CREATE INDEX events_id_date ON events(id, date_lo, date_hi, type, quad, document_id);
    """,
    # 9: event groups are recomputed where the base changed, not over the whole base: a build
    # records here (in each document's transaction) the events whose group must be recomputed —
    # its new events, the group mates of the events it deletes. Every event of an older base is
    # marked, so its groups are recomputed once under the new rules.
    """
    CREATE TABLE regroup (
        event_id TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    INSERT INTO regroup (event_id) SELECT id FROM events;
    INSERT INTO build_state (key, value) SELECT 'reconcile', 1 WHERE EXISTS (SELECT 1 FROM events)
        ON CONFLICT(key) DO UPDATE SET value = value + 1;
    """,
    # 10: event groups kept local. The links between events (both directions), each groupable
    # event's place in the grouping (its date's span in days, whether it is a centre, the centre it
    # joins) and the blocks links are sought in are stored, so that a build recomputes only what its new or deleted events touch.
    # Every event is marked, so the first build under this schema groups the whole base once.
    """
    CREATE TABLE event_links (
        a TEXT NOT NULL, b TEXT NOT NULL,
        strong INTEGER NOT NULL, similarity REAL NOT NULL, shared INTEGER NOT NULL,
        b_span INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE TABLE event_anchors (
        event_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        span INTEGER NOT NULL,
        centre INTEGER NOT NULL,
        anchor TEXT
    ) WITHOUT ROWID;
    CREATE INDEX event_anchors_anchor ON event_anchors(anchor);
    -- the blocks links are sought in: (type, actor, length of date) and (type, actor, actor or place)
    CREATE TABLE event_blocks (
        block TEXT NOT NULL, lo TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (block, lo, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_blocks_event ON event_blocks(event_id);
    INSERT OR IGNORE INTO regroup (event_id) SELECT id FROM events;
    INSERT INTO build_state (key, value) SELECT 'reconcile', 1 WHERE EXISTS (SELECT 1 FROM events)
        ON CONFLICT(key) DO UPDATE SET value = value + 1;
    """,
    # 11: full-text search keeps prefix indexes of three and four letters (a prefix may be no
    # shorter than three), so that `repa*` reads one list instead of merging those of every word it
    # begins; the index is made again with them.
    """
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid',
                                                  prefix='3 4');
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    """,
    # 12: (PostgreSQL's table of each document's words for ranking searches; FTS5 ranks from its index)
    "SELECT 1;",
    # 13: claims reconciled at build time. Each group (a subject as merges make it, and a property) has
    # its series (in the order of its most precise claim: untimed, width), points (JSON, with every
    # source) and disagreements (two points of the series); a build marks in claim_regroup the
    # (machine subject, property) of every claim it writes or deletes, and claim_canon keeps the merges
    # the groups were made under, so that only the groups a change touches are recomputed. Every group
    # of an older base is marked.
    """
    CREATE TABLE claim_series (
        id TEXT PRIMARY KEY,
        subject TEXT NOT NULL, property TEXT NOT NULL, subject_name TEXT NOT NULL,
        untimed INTEGER NOT NULL, width REAL NOT NULL,
        points INTEGER NOT NULL, conflicts INTEGER NOT NULL
    );
    CREATE INDEX claim_series_order ON claim_series(untimed, width, subject, property);
    CREATE INDEX claim_series_subject ON claim_series(subject, property);
    CREATE TABLE claim_points (
        series_id TEXT NOT NULL, n INTEGER NOT NULL,
        head TEXT NOT NULL,             -- JSON: time, value, unit, documents
        sources TEXT NOT NULL,          -- JSON: every source with its quote
        PRIMARY KEY (series_id, n)
    ) WITHOUT ROWID;
    CREATE TABLE claim_conflicts (
        id TEXT NOT NULL, series_id TEXT NOT NULL, n INTEGER NOT NULL,
        subject TEXT NOT NULL, property TEXT NOT NULL, time TEXT,
        a INTEGER NOT NULL, b INTEGER NOT NULL,     -- the two points of the series, side against side
        PRIMARY KEY (series_id, n)
    ) WITHOUT ROWID;
    CREATE INDEX claim_conflicts_order ON claim_conflicts(subject, property, n);
    CREATE INDEX claim_conflicts_id ON claim_conflicts(id);
    CREATE TABLE claim_regroup (
        subject TEXT NOT NULL, property TEXT NOT NULL,
        PRIMARY KEY (subject, property)
    ) WITHOUT ROWID;
    CREATE TABLE claim_canon (
        subject TEXT PRIMARY KEY, canonical TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX claims_subject_name ON claims(subject_name COLLATE NOCASE);
    INSERT OR IGNORE INTO claim_regroup (subject, property) SELECT DISTINCT subject, property FROM claims;
    INSERT INTO build_state (key, value) SELECT 'reconcile', 1 WHERE EXISTS (SELECT 1 FROM claims)
        ON CONFLICT(key) DO UPDATE SET value = value + 1;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
