"""feedback_day: each customer's feedback per UTC day, kept by triggers

The health report counts every customer's feedback over 90 days: 230,000 index entries on the
bench, a tenth as many days. The database keeps the days itself, on every insert, delete and
change of a feedback row's workspace, customer, time or sentiment (whatever made it: the bot,
an import, a person with psql), so the sums are exact; the application never writes them.
Existing feedback is summed in once here.

Revision ID: 0037_feedback_day
Revises: 0036_answers_cover
"""

import sqlalchemy as sa
from alembic import op

revision = "0037_feedback_day"
down_revision = "0036_answers_cover"
branch_labels = None
depends_on = None

# A stored time is naive UTC: SQLite keeps it as text ("2026-11-24 08:59:50.891120"), its first
# ten characters the day; PostgreSQL as a timestamp, cast to a date.
SQLITE_ADD = """
    INSERT INTO feedback_day (workspace_id, customer_id, day, items, negative, last_at)
    VALUES (NEW.workspace_id, NEW.customer_id, substr(NEW.created_at, 1, 10), 1,
            NEW.sentiment < 0, NEW.created_at)
    ON CONFLICT (workspace_id, customer_id, day) DO UPDATE SET
        items = items + 1, negative = negative + excluded.negative,
        last_at = max(last_at, excluded.last_at);
"""
SQLITE_REMOVE = """
    UPDATE feedback_day SET
        items = items - 1, negative = negative - (OLD.sentiment < 0),
        last_at = coalesce((SELECT max(f.created_at) FROM feedback AS f
                            WHERE f.workspace_id = OLD.workspace_id
                              AND f.customer_id = OLD.customer_id
                              AND f.created_at >= substr(OLD.created_at, 1, 10)
                              AND f.created_at < date(OLD.created_at, '+1 day')), last_at)
    WHERE workspace_id = OLD.workspace_id AND customer_id = OLD.customer_id
      AND day = substr(OLD.created_at, 1, 10);
    DELETE FROM feedback_day
    WHERE workspace_id = OLD.workspace_id AND customer_id = OLD.customer_id
      AND day = substr(OLD.created_at, 1, 10) AND items <= 0;
"""
KEPT = "workspace_id, customer_id, created_at, sentiment"
SQLITE_TRIGGERS = {
    "feedback_day_added": f"AFTER INSERT ON feedback BEGIN {SQLITE_ADD} END",
    "feedback_day_removed": f"AFTER DELETE ON feedback BEGIN {SQLITE_REMOVE} END",
    "feedback_day_changed": (
        f"AFTER UPDATE OF {KEPT} ON feedback BEGIN {SQLITE_REMOVE} {SQLITE_ADD} END"
    ),
}

POSTGRES_FUNCTION = """
CREATE FUNCTION feedback_day_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE feedback_day AS d SET
            items = d.items - 1, negative = d.negative - (OLD.sentiment < 0)::int,
            last_at = coalesce((SELECT max(f.created_at) FROM feedback AS f
                                WHERE f.workspace_id = OLD.workspace_id
                                  AND f.customer_id = OLD.customer_id
                                  AND f.created_at >= OLD.created_at::date
                                  AND f.created_at < OLD.created_at::date + 1), d.last_at)
        WHERE d.workspace_id = OLD.workspace_id AND d.customer_id = OLD.customer_id
          AND d.day = OLD.created_at::date;
        DELETE FROM feedback_day AS d
        WHERE d.workspace_id = OLD.workspace_id AND d.customer_id = OLD.customer_id
          AND d.day = OLD.created_at::date AND d.items <= 0;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO feedback_day AS d (workspace_id, customer_id, day, items, negative, last_at)
        VALUES (NEW.workspace_id, NEW.customer_id, NEW.created_at::date, 1,
                (NEW.sentiment < 0)::int, NEW.created_at)
        ON CONFLICT (workspace_id, customer_id, day) DO UPDATE SET
            items = d.items + 1, negative = d.negative + EXCLUDED.negative,
            last_at = greatest(d.last_at, EXCLUDED.last_at);
    END IF;
    RETURN NULL;
END $$
"""
POSTGRES_TRIGGER = f"""
CREATE TRIGGER feedback_day_kept AFTER INSERT OR DELETE OR UPDATE OF {KEPT} ON feedback
FOR EACH ROW EXECUTE FUNCTION feedback_day_keep()
"""

BACKFILL = """
INSERT INTO feedback_day (workspace_id, customer_id, day, items, negative, last_at)
SELECT workspace_id, customer_id, {day}, count(*), {negative}, max(created_at)
FROM feedback GROUP BY workspace_id, customer_id, {day}
"""


def upgrade() -> None:
    op.create_table(
        "feedback_day",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("negative", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("workspace_id", "customer_id", "day"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_feedback_day_day",
        "feedback_day",
        ["workspace_id", "day", "customer_id", "items", "negative", "last_at"],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
        op.execute(
            BACKFILL.format(
                day="created_at::date", negative="count(*) FILTER (WHERE sentiment < 0)"
            )
        )
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        op.execute(BACKFILL.format(day="substr(created_at, 1, 10)", negative="sum(sentiment < 0)"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER feedback_day_kept ON feedback")
        op.execute("DROP FUNCTION feedback_day_keep()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_index("ix_feedback_day_day", table_name="feedback_day")
    op.drop_table("feedback_day")
