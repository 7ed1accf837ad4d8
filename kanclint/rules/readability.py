"""Placeholder; rules of this family are being written."""

RULES: list = []
from .typography import RULES as _TYPOGRAPHY

RULES = [*_TYPOGRAPHY]
