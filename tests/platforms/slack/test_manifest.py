"""`loopkeeper manifest` prints a manifest Slack accepts, declaring exactly what we use."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from typer.testing import CliRunner

from bot.platforms.slack.manifest import manifest_yaml
from bot.wiring.cli import app
from tests.conftest import make_settings

# Slack's schemas, kept beside this test (see README.md here for their source).
SCHEMA = Path(__file__).with_name("manifest.schema.1.0.0.json")
SCHEMA_2 = Path(__file__).with_name("manifest.schema.2.0.0.json")


def validate(text: str) -> dict:
    """Valid for both of Slack's schemas. Version 1.0.0 still describes workflow steps
    (`functions`) in an older shape than Slack documents and accepts (`properties` and
    `required`), which 2.0.0 describes: the steps are checked against that one."""
    manifest = yaml.safe_load(text)
    rest = {key: value for key, value in manifest.items() if key != "functions"}
    jsonschema.validate(rest, json.loads(SCHEMA.read_text()))
    jsonschema.validate(manifest, json.loads(SCHEMA_2.read_text()))
    return manifest


def test_http_mode_manifest_is_valid_and_points_everything_at_slack_events() -> None:
    settings = make_settings("sqlite:///unused.db")
    manifest = validate(manifest_yaml(settings, "https://loop.example.org/"))
    url = "https://loop.example.org/slack/events"
    command = manifest["features"]["slash_commands"][0]
    assert command["command"] == "/loop" and command["url"] == url
    assert command["should_escape"] is True
    assert manifest["settings"]["event_subscriptions"]["request_url"] == url
    assert manifest["settings"]["interactivity"] == {
        "is_enabled": True,
        "request_url": url,
        "message_menu_options_url": url,  # the reaction picker's customer search
    }
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert manifest["features"]["shortcuts"][0]["callback_id"] == "log_feedback"
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "app_mention",
        "channel_shared",
        "function_executed",
        "member_joined_channel",
        "message.channels",
        "message.groups",
        "reaction_added",
    }
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "app_mentions:read",
        "channels:history",
        "channels:read",
        "groups:read",
        "team:read",
        "groups:history",
        "chat:write",
        "commands",
        "files:write",
        "im:history",
        "im:write",
        "reactions:read",
        "reactions:write",
        "users:read",
    }


def test_socket_mode_manifest_without_a_url_and_with_our_command_name(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LOOPKEEPER_COMMAND", "/cs")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///unused.db")
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    result = CliRunner().invoke(app, ["manifest"])
    assert result.exit_code == 0, result.output
    manifest = validate(result.output)
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in manifest["settings"]["event_subscriptions"]
    assert manifest["features"]["slash_commands"][0]["command"] == "/cs"
    assert "url" not in manifest["features"]["slash_commands"][0]


def test_the_workflow_step_is_declared_with_its_inputs_and_outputs() -> None:
    """What Workflow Builder shows: the step, its inputs (customer, what, owner required; due
    optional) and outputs; Slack lists steps only of org-ready apps that run them remotely."""
    manifest = validate(manifest_yaml(make_settings("sqlite:///unused.db"), None))
    step = manifest["functions"]["track_commitment"]
    assert step["title"] == "Track a customer commitment"
    inputs = step["input_parameters"]
    assert {name: p["type"] for name, p in inputs["properties"].items()} == {
        "customer": "string",
        "what": "string",
        "owner": "slack#/types/user_id",
        "due": "string",
    }
    assert inputs["required"] == ["customer", "what", "owner"]
    outputs = step["output_parameters"]
    assert {name: p["type"] for name, p in outputs["properties"].items()} == {
        "loop_number": "integer",
        "loop_link": "string",
    }
    assert manifest["settings"]["org_deploy_enabled"] is True
    assert manifest["settings"]["function_runtime"] == "remote"
