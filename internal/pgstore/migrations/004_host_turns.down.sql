DROP TABLE host_turns;
