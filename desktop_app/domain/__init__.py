"""Plain-Python rules of the FSL measures: no Qt, no SQL (see tests/domain/test_purity.py)."""
