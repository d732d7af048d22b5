CREATE TABLE `users` (
  `id` int(11) NOT NULL COMMENT "",
  `name` varchar(50) NULL COMMENT "",
  `is_active` int(11) NOT NULL DEFAULT "1" COMMENT "",
  `country` varchar(2) NULL COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 10 
PROPERTIES (
"compression" = "LZ4",
"enable_persistent_index" = "true",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
