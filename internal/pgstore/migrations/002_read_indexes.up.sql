-- The readers' queries: a source's open postings, and the changes of a
-- period (versions per day, a report's window).
CREATE INDEX postings_open ON postings (source, id) WHERE removed_at IS NULL;
CREATE INDEX versions_recorded ON versions (recorded_at);
