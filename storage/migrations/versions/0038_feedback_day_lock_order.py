"""feedback_day on PostgreSQL: a moved item's two day rows taken in key order

0037's trigger took a changed feedback row's old day row, then its new one. Two items moved at
the same moment in opposite directions (Acme's to Globex, Globex's to Acme; or an undo of one
move beside another) took the two customers' rows in opposite orders, and PostgreSQL aborted one
transaction as a deadlock. The rows are now taken lower key first, (workspace, customer, day),
as a burst of new feedback takes them. The sums are the same. SQLite writes one transaction at a
time and is unchanged.

Revision ID: 0038_feedback_day_lock_order
Revises: 0037_feedback_day
"""

from alembic import op

revision = "0038_feedback_day_lock_order"
down_revision = "0037_feedback_day"
branch_labels = None
depends_on = None

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION feedback_day_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    steps text[] := ARRAY['remove', 'add'];
    step text;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.workspace_id, NEW.customer_id, NEW.created_at::date)
                          < (OLD.workspace_id, OLD.customer_id, OLD.created_at::date) THEN
        steps := ARRAY['add', 'remove'];  -- the lower key's row first
    END IF;
    FOREACH step IN ARRAY steps LOOP
        IF step = 'remove' AND TG_OP <> 'INSERT' THEN
            UPDATE feedback_day AS d SET
                items = d.items - 1, negative = d.negative - (OLD.sentiment < 0)::int,
                last_at = coalesce((SELECT max(f.created_at) FROM feedback AS f
                                    WHERE f.workspace_id = OLD.workspace_id
                                      AND f.customer_id = OLD.customer_id
                                      AND f.created_at >= OLD.created_at::date
                                      AND f.created_at < OLD.created_at::date + 1),
                                   d.last_at)
            WHERE d.workspace_id = OLD.workspace_id AND d.customer_id = OLD.customer_id
              AND d.day = OLD.created_at::date;
            DELETE FROM feedback_day AS d
            WHERE d.workspace_id = OLD.workspace_id AND d.customer_id = OLD.customer_id
              AND d.day = OLD.created_at::date AND d.items <= 0;
        ELSIF step = 'add' AND TG_OP <> 'DELETE' THEN
            INSERT INTO feedback_day AS d
                (workspace_id, customer_id, day, items, negative, last_at)
            VALUES (NEW.workspace_id, NEW.customer_id, NEW.created_at::date, 1,
                    (NEW.sentiment < 0)::int, NEW.created_at)
            ON CONFLICT (workspace_id, customer_id, day) DO UPDATE SET
                items = d.items + 1, negative = d.negative + EXCLUDED.negative,
                last_at = greatest(d.last_at, EXCLUDED.last_at);
        END IF;
    END LOOP;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)


def downgrade() -> None:
    # Kept as it is: the same sums in a safer order, and 0037's downgrade drops the function.
    pass
