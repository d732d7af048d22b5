-- Running upgrade  -> aa01

CREATE TABLE orders (
    order_id BIGINT NOT NULL
)
DUPLICATE KEY(order_id)
DISTRIBUTED BY HASH(order_id);

INSERT INTO alembic_version (version_num) VALUES ('aa01');

-- Running upgrade aa01 -> bb02

ALTER TABLE orders ADD COLUMN amount DECIMAL(18, 2);

UPDATE alembic_version SET version_num='bb02' WHERE alembic_version.version_num = 'aa01';
