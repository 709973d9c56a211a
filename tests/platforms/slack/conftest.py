"""Fixtures of the Slack tests: `oauth_app`, the app on OAuth installs (oauth_helpers)."""

from tests.platforms.slack.oauth_helpers import oauth_app  # noqa: F401 - a fixture
