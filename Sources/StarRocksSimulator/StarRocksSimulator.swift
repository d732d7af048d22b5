// StarRocksSimulator: placeholder until its issue lands.
enum StarRocksSimulatorModule {}
