"""merge b and c"""
revision = "m1"
down_revision = [
    "b1",  # one
    'c1',
]
branch_labels = None
depends_on = "a1"

if revision == "m1":
    pass
