'''root revision with single-quoted docstring

Revision ID: a1
'''
from typing import Sequence, Union

revision: str = 'a1'  # the first one
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = ("default",)
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    revision = "not-module-level"
