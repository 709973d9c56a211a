"""`loopkeeper manifest --url … --oauth`: the manifest of a distributed app (OAuth installs,
org-wide on Enterprise Grid, rotating tokens), valid against Slack's schema."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.wiring.cli import app
from tests.platforms.slack.test_manifest import validate


def manifest_cli(monkeypatch, *args: str):  # noqa: ANN001, ANN201
    monkeypatch.setenv("DATABASE_URL", "sqlite:///unused.db")
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    return CliRunner().invoke(app, ["manifest", *args])


def test_oauth_manifest_allows_org_wide_installs_and_names_the_redirect(monkeypatch) -> None:  # noqa: ANN001
    result = manifest_cli(monkeypatch, "--url", "https://loop.example.org/", "--oauth")
    assert result.exit_code == 0, result.output
    manifest = validate(result.output)
    assert manifest["settings"]["org_deploy_enabled"] is True
    assert manifest["settings"]["token_rotation_enabled"] is True
    assert manifest["oauth_config"]["redirect_urls"] == [
        "https://loop.example.org/slack/oauth_redirect"
    ]
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert {"app_uninstalled", "tokens_revoked"} <= set(events)
    plain = validate(manifest_cli(monkeypatch, "--url", "https://loop.example.org").output)
    assert plain["settings"]["token_rotation_enabled"] is False
    assert "redirect_urls" not in plain["oauth_config"]
    assert "app_uninstalled" not in plain["settings"]["event_subscriptions"]["bot_events"]


def test_oauth_without_a_url_is_one_line(monkeypatch) -> None:  # noqa: ANN001
    result = manifest_cli(monkeypatch, "--oauth")
    assert result.exit_code == 2 and "--oauth needs --url" in result.output
