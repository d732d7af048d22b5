// MigrationLint: placeholder until its issue lands.
enum MigrationLintModule {}
