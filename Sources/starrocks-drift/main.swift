print("starrocks-drift")
