"""`loopkeeper manifest --teams`: an app package Teams accepts."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import jsonschema
import pytest
from PIL import Image
from typer.testing import CliRunner

from bot.wiring.cli import app
from tests.support.fake_teams import APP_ID

URL = "https://127.0.0.1:8443"
# Microsoft's published manifest schema for the version we emit (source: data/README.md).
SCHEMA = Path(__file__).parent / "data" / "MicrosoftTeams.schema.1.17.json"


def schema_errors(manifest: dict) -> list[str]:
    """What Microsoft's manifest schema says is wrong with `manifest` (empty when valid)."""
    schema = json.loads(SCHEMA.read_text())
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    validator = jsonschema.Draft4Validator(schema, format_checker=checker)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(manifest)]


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str, app_id: str | None = APP_ID):
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'lk.db'}")
    if app_id:
        monkeypatch.setenv("TEAMS_APP_ID", app_id)
    else:
        monkeypatch.delenv("TEAMS_APP_ID", raising=False)
    return CliRunner().invoke(app, ["manifest", "--teams", *args])


def test_the_package_has_a_manifest_and_both_icons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Breakage it must catch (tests/mutations): a field Teams refuses that no hand-written
    check looks at (supportsFiles as a string): the manifest is validated against the schema."""
    result = _run(tmp_path, monkeypatch, "--url", URL + "/", "-o", "teams.zip")

    assert result.exit_code == 0, result.output
    assert "teams.zip" in result.output
    package = zipfile.ZipFile(tmp_path / "teams.zip")
    assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
    manifest = json.loads(package.read("manifest.json"))
    assert schema_errors(manifest) == []
    assert manifest["manifestVersion"] == "1.17"
    assert manifest["$schema"].endswith("/v1.17/MicrosoftTeams.schema.json")
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    assert manifest["id"] == APP_ID
    for key in ("developer", "name", "description", "icons", "accentColor"):
        assert manifest[key]
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["description"]["short"]) <= 80
    assert all(u.startswith(URL) for k, u in manifest["developer"].items() if k.endswith("Url"))
    assert manifest["validDomains"] == ["127.0.0.1"]

    [bot] = manifest["bots"]
    assert bot["botId"] == APP_ID and set(bot["scopes"]) == {"personal", "team", "groupChat"}
    [commands] = bot["commandLists"]
    titles = [c["title"] for c in commands["commands"]]
    assert len(titles) <= 10 and {"help", "feedback", "commit", "list", "report"} <= set(titles)
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands["commands"])

    [extension] = manifest["composeExtensions"]
    [action] = extension["commands"]
    assert extension["botId"] == APP_ID
    assert action == {
        "id": "logFeedback",
        "type": "action",
        "title": "Log customer feedback",
        "description": action["description"],
        "context": ["message"],
        "fetchTask": True,
    }

    color = Image.open(io.BytesIO(package.read("color.png")))
    outline = Image.open(io.BytesIO(package.read("outline.png")))
    assert color.size == (192, 192) and outline.size == (32, 32)
    assert color.getpixel((2, 2))[3] == 255  # full colour, no transparency at the edge
    pixels = [p for p in outline.convert("RGBA").get_flattened_data() if p[3] > 0]
    assert outline.getpixel((0, 0))[3] == 0  # transparent background
    assert pixels and all(p[:3] == (255, 255, 255) for p in pixels if p[3] == 255)  # white


def test_without_an_app_id_it_says_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run(tmp_path, monkeypatch, app_id=None)

    assert result.exit_code == 2
    assert "TEAMS_APP_ID" in result.output
    assert not (tmp_path / "loopkeeper-teams.zip").exists()


def test_a_plain_http_url_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(tmp_path, monkeypatch, "--url", "http://127.0.0.1:3000")

    assert result.exit_code == 2
    assert "https" in result.output


def test_the_schema_check_refuses_what_teams_refuses() -> None:
    """The schema in use is the one for our version and does catch a broken manifest."""
    schema = json.loads(SCHEMA.read_text())
    assert schema["properties"]["manifestVersion"]["const"] == "1.17"
    bad = {"manifestVersion": "1.17", "version": "1.0.0", "id": "not-a-guid", "bots": [{}]}
    errors = schema_errors(bad)
    assert any("'developer' is a required property" in e for e in errors), errors
    assert any(e.startswith("['id']") for e in errors), errors
