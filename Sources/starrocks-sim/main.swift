print("starrocks-sim")
