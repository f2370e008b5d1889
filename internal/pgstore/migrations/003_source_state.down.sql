DROP TABLE deliveries;
DROP TABLE source_state;
