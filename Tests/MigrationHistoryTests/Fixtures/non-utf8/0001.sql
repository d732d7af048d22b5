-- revision: r1
-- down_revision: none
CREATE TABLE t (c VARCHAR(10) DEFAULT "ÿþ");
