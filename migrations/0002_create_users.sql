-- revision: 2b9d5f13
-- down_revision: 7c1e4a90
-- message: users, one row per account
CREATE TABLE users (
    user_id BIGINT NOT NULL,
    email VARCHAR(255) NOT NULL,
    country VARCHAR(2),
    is_active BOOLEAN NOT NULL DEFAULT "true",
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)
PRIMARY KEY(user_id)
COMMENT "accounts"
DISTRIBUTED BY HASH(user_id)
PROPERTIES (
    "replication_num" = "${replication_num}"
);
