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
    # 4: reconciliation. The machine's entity choice is kept apart from the one in force
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
]

SCHEMA_VERSION = len(MIGRATIONS)
