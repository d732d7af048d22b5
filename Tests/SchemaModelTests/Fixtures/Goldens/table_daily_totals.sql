CREATE TABLE `daily_totals` (
  `dt` date NOT NULL,
  `region` varchar(16) NOT NULL,
  `pv` bigint(20) SUM NULL DEFAULT "0",
  `last_user` int REPLACE_IF_NOT_NULL,
  `uv` bitmap BITMAP_UNION NOT NULL
)
AGGREGATE KEY(`dt`, `region`)
PARTITION BY LIST(`region`)(
  PARTITION p_east VALUES IN ('east', 'north\'east'),
  PARTITION p_west VALUES IN ('west')
)
DISTRIBUTED BY RANDOM;
