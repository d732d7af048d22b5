"""branch b

revision = "fake-inside-docstring"
down_revision = "nothing"
"""
revision="b1"
down_revision   =   'a1'   # parent
branch_labels = None
depends_on = None
