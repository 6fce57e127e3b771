"""authlib's requests client against tokensim serve over plain-HTTP loopback.

    python3 authlib_client.py CREDENTIALS.json

Refreshes once with OAuth2Session.refresh_token and prints one JSON line with the new tokens.
"""
import json
import sys

from authlib.integrations.requests_client import OAuth2Session

with open(sys.argv[1]) as handle:
    credentials = json.load(handle)
session = credentials["sessions"][0]
token_endpoint = credentials["baseURL"] + "/p/authlib/token"
client = OAuth2Session(
    "authlib-app",
    "s3cret",
    token={"access_token": session["access_token"], "refresh_token": session["refresh_token"], "token_type": "Bearer"},
    token_endpoint=token_endpoint,
)
token = client.refresh_token(token_endpoint)
print(json.dumps({"access_token": token.get("access_token"), "refresh_token": token.get("refresh_token")}))
