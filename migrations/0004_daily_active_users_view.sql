-- revision: 8e04d6a2
-- down_revision: 3f2a9c1b
-- message: daily active users view for the product dashboard
CREATE VIEW daily_active_users (
    event_date COMMENT "day",
    active_users COMMENT "distinct users with at least one event"
)
COMMENT "daily active users"
AS
SELECT event_date, COUNT(DISTINCT user_id)
FROM events
GROUP BY event_date;
