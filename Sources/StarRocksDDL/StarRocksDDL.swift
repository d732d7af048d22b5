// StarRocksDDL: placeholder until its issue lands.
enum StarRocksDDLModule {}
