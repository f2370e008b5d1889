DROP TABLE robots_txt;
