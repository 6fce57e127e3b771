"""google-auth against tokensim serve over plain-HTTP loopback: token_uri is the only setting.

    python3 google_auth_client.py CREDENTIALS.json

Refreshes once and prints one JSON line with the new tokens.
"""
import json
import sys

import google.auth.transport.requests
import google.oauth2.credentials

with open(sys.argv[1]) as handle:
    credentials = json.load(handle)
session = credentials["sessions"][0]
creds = google.oauth2.credentials.Credentials(
    None,
    refresh_token=session["refresh_token"],
    token_uri=credentials["baseURL"] + "/p/google-auth/token",
    client_id="google-auth-app",
    client_secret="s3cret",
)
creds.refresh(google.auth.transport.requests.Request())
print(json.dumps({"access_token": creds.token, "refresh_token": creds.refresh_token}))
