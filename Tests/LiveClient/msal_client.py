"""msal (Python) against tokensim serve behind a TLS front: msal takes only https authorities,
and files tokens under an account only when the reply carries an id_token.

    REQUESTS_CA_BUNDLE=DIR/cert.pem python3 msal_client.py https://127.0.0.1:TLS_PORT/p/msal rt-1

Redeems the refresh token, then asks again silently: the second answer must come from msal's
cache (no second token request). Prints one JSON line.
"""
import json
import sys

import msal

app = msal.PublicClientApplication("msal-app", oidc_authority=sys.argv[1])
first = app.acquire_token_by_refresh_token(sys.argv[2], scopes=["api.read"])
accounts = app.get_accounts()
silent = app.acquire_token_silent(["api.read"], account=accounts[0]) if accounts else None
print(json.dumps({
    "access_token": first.get("access_token"),
    "refresh_token": first.get("refresh_token"),
    "error": first.get("error"),
    "claims": first.get("id_token_claims"),
    "accounts": len(accounts),
    "silent_source": silent.get("token_source") if silent else None,
}))
