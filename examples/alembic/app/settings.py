"""Settings shared by the models and the Alembic revisions.

`replication_num` differs per environment (dev runs one backend, prod three). Against a real server, set
STARROCKS_REPLICATION_NUM when running `alembic upgrade`. Left unset, the value is the placeholder
`${replication_num}`: the offline SQL (`alembic upgrade head --sql`) and the models then carry the placeholder,
and starrocks-drift fills it from each environment's `variables`.
"""
import os

REPLICATION_NUM = os.environ.get("STARROCKS_REPLICATION_NUM", "${replication_num}")
