"""The example's models: the events table, a view and an asynchronous materialized view on it.

`starrocks-drift check --models app.models:Base` compares these with the Alembic head; `diff --expected
models:app.models:Base --actual env:prod` compares them with a live environment.
"""
from sqlalchemy import Column
from sqlalchemy.orm import DeclarativeBase
from starrocks import BIGINT, DATE, DECIMAL, JSON, VARCHAR
from starrocks.schema import MaterializedView, View

from app.settings import REPLICATION_NUM


class Base(DeclarativeBase):
    """The declarative base: Base.metadata holds every table, view and MV below."""


class Event(Base):
    """One product event; a PRIMARY KEY table partitioned by day of event, monthly partitions over two years."""

    __tablename__ = "events"
    __table_args__ = {
        "comment": "raw product events",
        "starrocks_primary_key": "event_id, event_date",
        "starrocks_partition_by": 'RANGE(event_date) (START ("2026-01-01") END ("2028-01-01") EVERY (INTERVAL 1 MONTH))',
        "starrocks_distributed_by": "HASH(event_id)",
        "starrocks_properties": {"replication_num": REPLICATION_NUM},
    }

    event_id = Column(BIGINT, primary_key=True, nullable=False, comment="unique event id")
    event_date = Column(DATE, primary_key=True, nullable=False)
    user_id = Column(BIGINT, nullable=False)
    event_type = Column(VARCHAR(64), nullable=False)
    payload = Column(JSON)
    amount = Column(DECIMAL(18, 2))
    utm_source = Column(VARCHAR(100), comment="marketing source")
    utm_campaign = Column(VARCHAR(100))


View(
    "daily_events",
    Base.metadata,
    definition="SELECT event_date, count(*) AS events FROM events GROUP BY event_date",
    comment="events per day",
)

MaterializedView(
    "events_by_source",
    Base.metadata,
    definition="SELECT utm_source, count(*) AS events FROM events GROUP BY utm_source",
    starrocks_distributed_by="HASH(utm_source)",
    starrocks_refresh="ASYNC",
    starrocks_properties={"replication_num": REPLICATION_NUM},
)
