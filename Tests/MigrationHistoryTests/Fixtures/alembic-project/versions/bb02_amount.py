"""orders amount"""
revision: str = "bb02"
down_revision: str | None = "aa01"
