"""The Teams app package for `loopkeeper manifest --teams`: manifest.json and two icons, zipped.

Upload it in Teams (Apps → Manage your apps → Upload an app). The bot's messaging endpoint,
`{url}/api/messages`, is set on the Azure Bot resource, not in the manifest.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PIL import Image, ImageDraw

from bot.core.errors import BadInput
from bot.settings import Settings

SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json"
MANIFEST_VERSION = "1.17"
APP_VERSION = "1.0.0"
ACCENT = "#2E6BE6"
FEEDBACK_COMMAND = "logFeedback"  # the id the bot answers (turns.FEEDBACK_COMMAND)
SCOPES = ["personal", "team", "groupChat"]
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Teams shows at most 10 commands per list: the ones people reach for first.
COMMANDS = [
    ("help", "What Loopkeeper can do"),
    ("feedback", "feedback <customer>: <text> — log what a customer said"),
    ("commit", "commit <customer>: <what> [owner @user] [by <when>]"),
    ("list", "list [mine | @user | customer <name> | overdue | all]"),
    ("done", "done <id> [note] — the work is delivered"),
    ("told", "told <id> [how] — the customer knows: closes the loop"),
    ("snooze", "snooze <id> <when>"),
    ("customer", "customer add <name> … · customer <name> (timeline)"),
    ("report", "report [weekly | owners | customers | segments | quiet]"),
    ("settings", "settings … (admins)"),
]


def manifest(settings: Settings, url: str | None = None) -> dict[str, Any]:
    """The app manifest (schema v1.17): the bot with its commands, and the message action."""
    app_id = settings.teams_app_id or ""
    if not _GUID.fullmatch(app_id):
        raise BadInput(
            "Set TEAMS_APP_ID to the bot's Microsoft App ID (a GUID) first: the "
            "package names the bot by it."
        )
    base = (url or "").rstrip("/")
    if base and not base.startswith("https://"):
        raise BadInput(f"--url must be the public https address of `loopkeeper serve`, got {url}")
    site = base or "https://github.com"
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": APP_VERSION,
        "id": app_id,
        "developer": {
            "name": "Loopkeeper",
            "websiteUrl": site,
            "privacyUrl": f"{site}/privacy" if base else site,
            "termsOfUseUrl": f"{site}/terms" if base else site,
        },
        "name": {"short": "Loopkeeper", "full": "Loopkeeper: close the customer feedback loop"},
        "description": {
            "short": "Log customer feedback, track promises, nudge until customers hear back.",
            "full": "Loopkeeper logs what customers say in chat, tracks what the team promised "
            "them and nudges each owner until the customer has been told. Message it "
            f"`help`, or use `{settings.command} …` commands in a 1:1 chat or by "
            "@mentioning it in a channel.",
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": SCOPES,
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": SCOPES,
                        "commands": [
                            {"title": title, "description": description}
                            for title, description in COMMANDS
                        ],
                    }
                ],
            }
        ],
        "composeExtensions": [
            {
                "botId": app_id,
                "commands": [
                    {
                        "id": FEEDBACK_COMMAND,
                        "type": "action",
                        "title": "Log customer feedback",
                        "description": "Log this message as feedback from the customer it names",
                        "context": ["message"],
                        "fetchTask": True,
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [urlsplit(base).hostname] if base else [],
    }


def icon(size: int, outline: bool) -> bytes:
    """A loop mark as PNG: full colour on the accent for `color`, white on transparent for
    `outline` (what Teams asks of each)."""
    scale = 4  # draw big, shrink: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0) if outline else ACCENT)
    draw = ImageDraw.Draw(image)
    white = (255, 255, 255, 255)
    margin, width = big * 0.2, max(scale * 2, int(big * 0.11))
    box = (margin, margin, big - margin, big - margin)
    draw.arc(box, start=40, end=340, fill=white, width=width)
    # The arrow head where the loop ends, pointing the way it turns (clockwise: down).
    radius = (big - 2 * margin - width) / 2  # PIL strokes arcs inward from the box
    end = math.radians(340)
    tip_x, tip_y = big / 2 + radius * math.cos(end), big / 2 + radius * math.sin(end)
    head = width * 1.1
    draw.polygon(
        [(tip_x - head, tip_y), (tip_x + head, tip_y), (tip_x, tip_y + head * 1.2)], fill=white
    )
    out = io.BytesIO()
    image.resize((size, size), Image.LANCZOS).save(out, format="PNG")
    return out.getvalue()


def write_package(settings: Settings, path: Path, url: str | None = None) -> Path:
    """Write the zip (manifest.json, color.png 192×192, outline.png 32×32) and return its path."""
    content = json.dumps(manifest(settings, url), indent=2, ensure_ascii=False)
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise BadInput(f"The folder {path.parent} does not exist.")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", content)
        package.writestr("color.png", icon(192, outline=False))
        package.writestr("outline.png", icon(32, outline=True))
    return path
