-- Real-shaped SHOW CREATE TABLE of a shared-data (cloud-native) PRIMARY KEY table, 3.3-era layout: the server adds
-- storage_volume, datacache.enable, enable_async_write_back (PropertyAnalyzer.analyzeDataCacheInfo defaults) and
-- prints ENGINE=OLAP for CLOUD_NATIVE tables. Written for this test; not from the shared corpus.
CREATE TABLE `orders` (
  `id` bigint(20) NOT NULL COMMENT "",
  `amount` decimal(10, 2) NULL COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`id`)
DISTRIBUTED BY HASH(`id`)
PROPERTIES (
"compression" = "LZ4",
"datacache.enable" = "true",
"enable_async_write_back" = "false",
"enable_persistent_index" = "true",
"fast_schema_evolution" = "true",
"replication_num" = "1",
"storage_volume" = "builtin_storage_volume"
);
