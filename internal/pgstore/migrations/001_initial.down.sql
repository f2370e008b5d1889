DROP TABLE events;
DROP TABLE source_health;
DROP TABLE versions;
DROP FUNCTION versions_append_only();
DROP TABLE postings;
DROP TABLE sources;
