"""GitHub, Linear and Jira: their webhooks translated in, their APIs called out."""
