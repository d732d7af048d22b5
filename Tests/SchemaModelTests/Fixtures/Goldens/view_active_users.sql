CREATE VIEW `active_users` (`user_id` COMMENT "the user", `n`)
COMMENT "users seen today" SECURITY INVOKER
AS SELECT user_id, count(*) FROM `events` WHERE kind = 'it\'s' GROUP BY user_id;
