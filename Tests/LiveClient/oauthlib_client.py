"""requests-oauthlib against tokensim serve: an expired token, auto-refresh on the first API
call, the rotated pair saved by token_updater, then a second call with the new access token.

    OAUTHLIB_INSECURE_TRANSPORT=1 python3 oauthlib_client.py CREDENTIALS.json

Prints one JSON line: the statuses of the two API calls and the tokens after the refresh.
"""
import json
import sys

from requests_oauthlib import OAuth2Session

with open(sys.argv[1]) as handle:
    credentials = json.load(handle)
session = credentials["sessions"][0]
base = credentials["baseURL"] + "/p/oauthlib"
saved = []
token = {
    "access_token": session["access_token"],
    "refresh_token": session["refresh_token"],
    "token_type": "Bearer",
    "expires_in": -30,  # already expired: the next request refreshes first
}
client = OAuth2Session(
    "oauthlib-app",
    token=token,
    auto_refresh_url=base + "/token",
    auto_refresh_kwargs={"client_id": "oauthlib-app", "client_secret": "s3cret"},
    token_updater=saved.append,
)
first = client.get(base + "/api/items", timeout=10)
second = client.get(base + "/api/items", timeout=10)
print(json.dumps({
    "statuses": [first.status_code, second.status_code],
    "refreshes": len(saved),
    "refresh_token": saved[-1].get("refresh_token") if saved else None,
    "access_token": client.token.get("access_token"),
}))
