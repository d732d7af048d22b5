// MigrationHistory: placeholder until its issue lands.
enum MigrationHistoryModule {}
