CREATE TABLE `clicks` (
  `ts` datetime,
  `site` string
)
PARTITION BY date_trunc('month', ts), `site`;
