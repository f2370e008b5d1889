-- What the pipeline keeps per source besides its postings (the files
-- store's .watcher/ folder): its index (stamps, hashes, removal debounce,
-- counters that go into event ids), HTTP validators and adapter state; and
-- a version that moves with every write of the source (readers cache by it).
CREATE TABLE source_state (
    source        text PRIMARY KEY REFERENCES sources (name),
    idx           jsonb,  -- snapshot.Index; NULL: none stored (rebuilt from postings)
    validators    bytea,  -- JSON as the pipeline saved it; NULL: none
    adapter_state bytea,  -- JSON as the adapter saved it; NULL: none
    version       bigint NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL
);

-- A deliver job's attempts that reached the notifier and were taken: one
-- row per event and notifier at most, so a delivery is never recorded twice.
CREATE TABLE deliveries (
    event_id     text NOT NULL REFERENCES events (id),
    notifier     text NOT NULL,
    delivered_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, notifier)
);
