"""The review page in a real headless browser (Debian's chromium, which .ci/run installs when
missing): it loads with no failed request and no console error, and shows the customer, the
quarter and the chart. Skipped with a reason where no chromium is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.wiring.web import create_app
from tests.handlers.test_reviews import story
from tests.platforms.test_review_page import _token
from tests.support.browser import BROWSER, load
from tests.support.slack_fixtures import UvicornServer

needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no chromium installed (apt-get install chromium)"
)


@needs_browser
def test_the_review_page_loads_cleanly_in_a_browser(sqlite_deps, tmp_path: Path) -> None:  # noqa: ANN001
    deps = sqlite_deps
    story(deps)
    deps.settings.secret_key = "s3cret"
    with UvicornServer(create_app(deps)) as server:
        page = load(f"{server.url}/reviews/{_token(deps)}", tmp_path / "profile")
    assert "Acme Corp — 2026Q4 review" in page.html and "2026Q3" in page.html
    assert "<svg" in page.html and "<rect" in page.html  # the chart, drawn inline
    assert page.problems == []


@needs_browser
def test_the_browser_check_sees_errors_and_failed_requests(tmp_path: Path) -> None:
    """The check above is not blind: a page with a script error and a request that cannot be
    made (the same page's CSP would refuse it; here nothing listens on port 9) is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text("<script>nosuch()</script><img src='http://127.0.0.1:9/x.png'>")
    page = load(bad.as_uri(), tmp_path / "profile")
    assert any(p.startswith("exception") for p in page.problems), page.problems
    assert any(p.startswith("failed request") or "ERR_" in p for p in page.problems), page.problems
