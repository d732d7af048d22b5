# -*- coding: utf-8 -*-
"""branch c"""
revision = r"c1"
down_revision = (
    "a1"
)
