"""Slack: Bolt listeners that translate payloads into handler calls, and Block Kit out."""
