"""Microsoft Teams: the same bot on the Bot Framework protocol (M365 Agents SDK activity models).

`http.teams_routes` serves `POST /api/messages`; `delivery.TeamsDelivery` sends nudges;
`package.write_package` builds the app package for `loopkeeper manifest --teams`.
"""
