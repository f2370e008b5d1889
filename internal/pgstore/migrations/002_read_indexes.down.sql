DROP INDEX versions_recorded;
DROP INDEX postings_open;
