// DriftCheck: placeholder until its issue lands.
enum DriftCheckModule {}
