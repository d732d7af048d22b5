// LiveSchema: placeholder until its issue lands.
enum LiveSchemaModule {}
