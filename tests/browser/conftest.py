"""One Playwright driver for the whole browser session.

Playwright's sync API refuses to start a second driver in a thread whose first one is still
running, so the book, slides and JupyterLab suites share this one (each launches its own Chromium).
"""

import pytest


@pytest.fixture(scope="session")
def playwright_driver():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()
