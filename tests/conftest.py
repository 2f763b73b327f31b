"""Test-session configuration for tests/: loads the offline guard (``tests/_offline.py``)."""

pytest_plugins = ["_offline"]
