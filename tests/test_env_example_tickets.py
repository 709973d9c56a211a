"""Every ticket setting is in .env.example, with the webhook URL it belongs to."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_env_example_lists_every_ticket_setting() -> None:
    listed = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    wanted = {
        field.alias
        for name, field in Settings.model_fields.items()
        if name.startswith(("github_", "linear_", "jira_"))
    }
    assert len(wanted) == 9 and wanted <= listed
    text = (ROOT / ".env.example").read_text()
    for source in ("github", "linear", "jira"):
        assert f"https://your-host/webhooks/{source}" in text
