CREATE VIEW `active_users_view` (`id` COMMENT "User ID", `name` COMMENT "User name")
COMMENT "Active users" AS SELECT `analytics`.`users`.`id`, `analytics`.`users`.`name`
FROM `analytics`.`users`
WHERE `analytics`.`users`.`is_active` = 1;
