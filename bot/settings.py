"""One typed settings object, read from the environment or `.env`."""

from __future__ import annotations

from functools import cached_property
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.tickets import bare_key_system
from bot.core.zones import zone_named


class SettingsError(Exception):
    """A setting has a bad value; the message names it in one line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str = Field("sqlite:///loopkeeper.db", alias="DATABASE_URL")
    # Signs review links and, with OAuth installs, encrypts stored tokens. Several keys,
    # comma-separated and newest first, rotate it: tokens sealed with an older one still open.
    secret_key: str | None = Field(None, alias="LOOPKEEPER_SECRET_KEY")
    # Where `serve` is reached from outside, for the links chat answers give.
    public_url: str | None = Field(None, alias="LOOPKEEPER_PUBLIC_URL")
    slack_bot_token: str | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    # OAuth installs ("Add to Slack"): many workspaces, org-wide installs, token rotation.
    slack_client_id: str | None = Field(None, alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(None, alias="SLACK_CLIENT_SECRET")
    command: str = Field("/loop", alias="LOOPKEEPER_COMMAND")
    timezone: str = Field("UTC", alias="LOOPKEEPER_TIMEZONE")
    sweep_seconds: int = Field(60, alias="LOOPKEEPER_SWEEP_SECONDS", ge=1)
    admins: str = Field("", alias="LOOPKEEPER_ADMINS")
    teams_app_id: str | None = Field(None, alias="TEAMS_APP_ID")
    teams_app_password: str | None = Field(None, alias="TEAMS_APP_PASSWORD")
    teams_tenant_id: str | None = Field(None, alias="TEAMS_TENANT_ID")
    teams_openid_metadata_url: str = Field(
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        alias="TEAMS_OPENID_METADATA_URL",
    )
    teams_login_url: str = Field("https://login.microsoftonline.com", alias="TEAMS_LOGIN_URL")
    log_level: str = Field("INFO", alias="LOG_LEVEL")
    # Engineering tickets (README "Tickets"): a webhook route is served only when its secret is.
    github_webhook_secret: str | None = Field(None, alias="GITHUB_WEBHOOK_SECRET")
    linear_webhook_secret: str | None = Field(None, alias="LINEAR_WEBHOOK_SECRET")
    jira_webhook_secret: str | None = Field(None, alias="JIRA_WEBHOOK_SECRET")
    github_token: str | None = Field(None, alias="GITHUB_TOKEN")
    github_repository: str | None = Field(
        None, alias="GITHUB_REPOSITORY", pattern=r"^[\w.-]+/[\w.-]+$"
    )
    github_api_url: str = Field("https://api.github.com", alias="GITHUB_API_URL")
    linear_api_key: str | None = Field(None, alias="LINEAR_API_KEY")
    linear_team: str | None = Field(None, alias="LINEAR_TEAM")
    linear_api_url: str = Field("https://api.linear.app/graphql", alias="LINEAR_API_URL")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if zone_named(value) is None:
            raise ValueError(f"unknown time zone {value!r} (try UTC or Europe/Paris)")
        return value

    @field_validator("command")
    @classmethod
    def _slash_command(cls, value: str) -> str:
        if not value.startswith("/") or " " in value or len(value) < 2:
            raise ValueError(f"must look like /loop, got {value!r}")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return value

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must start with sqlite:/// or postgresql+psycopg://")
        return value

    @field_validator("slack_api_url", "teams_login_url", "github_api_url", "linear_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must be an http(s) URL, got {value!r}")
        return value

    @cached_property
    def admin_ids(self) -> frozenset[str]:
        """Users named in LOOPKEEPER_ADMINS (ids or names, with or without @)."""
        return frozenset(a.strip().lstrip("@") for a in self.admins.split(",") if a.strip())

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @model_validator(mode="after")
    def _oauth_needs_a_key(self) -> Settings:
        if bool(self.slack_client_id) != bool(self.slack_client_secret):
            missing = "SLACK_CLIENT_SECRET" if self.slack_client_id else "SLACK_CLIENT_ID"
            raise ValueError(f"OAuth installs need {missing} too")
        if self.slack_oauth and not self.secret_keys:
            raise ValueError(
                "OAuth installs need LOOPKEEPER_SECRET_KEY (it encrypts the stored tokens)"
            )
        return self

    @property
    def secret_keys(self) -> list[str]:
        """LOOPKEEPER_SECRET_KEY's keys, newest first (a comma-separated list rotates it)."""
        return [key.strip() for key in (self.secret_key or "").split(",") if key.strip()]

    @property
    def slack_oauth(self) -> bool:
        """Installs come through OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET), each
        workspace's token kept in the database, rather than one SLACK_BOT_TOKEN."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_signing_secret and (self.slack_bot_token or self.slack_oauth))

    @property
    def teams_configured(self) -> bool:
        return bool(self.teams_app_id)

    @property
    def bare_ticket_keys(self) -> str:
        """Which tracker a bare KEY-123 means: Linear or Jira when only one is configured."""
        linear = bool(self.linear_api_key or self.linear_webhook_secret)
        return bare_key_system(linear, jira=bool(self.jira_webhook_secret))


def load_settings(**overrides: object) -> Settings:
    """Read the settings; a bad value raises SettingsError naming the setting in one line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        if not first.get("loc"):  # a rule across settings: the message names them
            raise SettingsError(f"bad settings: {message}") from None
        raise SettingsError(f"bad setting {first['loc'][0]}: {message}") from None
