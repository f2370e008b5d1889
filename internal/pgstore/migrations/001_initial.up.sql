-- The sources, their current postings, every change to them (append-only),
-- their health and the events the changes made.

CREATE TABLE sources (
    name       text PRIMARY KEY,
    type       text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The current snapshot of each posting: its canonical JSON, its hash and
-- stamps. A removed posting keeps its last snapshot, with removed_at set.
CREATE TABLE postings (
    source     text NOT NULL REFERENCES sources (name),
    id         text NOT NULL,
    snapshot   jsonb NOT NULL,
    hash       text NOT NULL,
    version    integer NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    changed_at timestamptz NOT NULL,
    removed_at timestamptz,
    PRIMARY KEY (source, id)
);

-- Every change of a posting, numbered from 1 per posting; never updated or
-- deleted (the trigger below refuses it).
CREATE TABLE versions (
    source      text NOT NULL,
    posting_id  text NOT NULL,
    version     integer NOT NULL CHECK (version >= 1),
    change      text NOT NULL CHECK (change IN ('added', 'changed', 'removed', 'reopened')),
    hash        text NOT NULL,
    snapshot    jsonb, -- NULL for a removal: the posting's last snapshot is the version before
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (source, posting_id, version),
    FOREIGN KEY (source, posting_id) REFERENCES postings (source, id)
);

CREATE FUNCTION versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'versions is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER versions_append_only BEFORE UPDATE OR DELETE ON versions
    FOR EACH ROW EXECUTE FUNCTION versions_append_only();

CREATE TABLE source_health (
    source       text PRIMARY KEY REFERENCES sources (name),
    state        text NOT NULL CHECK (state IN ('ok', 'failing', 'suspicious')),
    failures     integer NOT NULL DEFAULT 0, -- failed runs in a row
    last_error   text NOT NULL DEFAULT '',
    last_success timestamptz,
    last_failure timestamptz,
    updated_at   timestamptz NOT NULL
);

-- The events of the changes, under their deterministic ids: recording one
-- twice is impossible, so is a second delivery job for it.
CREATE TABLE events (
    id          text PRIMARY KEY,
    type        text NOT NULL,
    source      text NOT NULL REFERENCES sources (name),
    posting_id  text NOT NULL DEFAULT '', -- '' for a source event
    payload     jsonb NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX events_source_recorded ON events (source, recorded_at);
