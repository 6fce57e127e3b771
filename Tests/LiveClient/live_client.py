#!/usr/bin/env python3
"""A small client of `tokensim serve`, in Python's standard library only.

It does what a real CLI or daemon does with a session: refresh the access token with the
refresh token (RFC 6749 section 6, a form POST), keep the rotated refresh token, and call the
protected API with the bearer. The tests drive it through the real server.

    live_client.py CREDENTIALS.json [--process NAME] [--host HOST] [--refreshes N]
                   [--refresh-token rt-N] [--timeout SECONDS]

It prints one JSON object per line for each step (refresh or api) with what came back, and a
last line {"done": true, "refresh_token": ...} with the refresh token it would store.
"""

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def post_form(url, fields, timeout):
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}, method="POST")
    return send(request, timeout)


def get(url, bearer, timeout):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + bearer})
    return send(request, timeout)


def send(request, timeout):
    """The status, the headers and the parsed JSON body (None when it does not parse)."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, headers, raw = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, dict(error.headers), error.read()
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        body = None
    return status, headers, body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("credentials")
    parser.add_argument("--process", help="call through /p/NAME/ so the server names this process")
    parser.add_argument("--host", help="the session of this host (default: the first)")
    parser.add_argument("--refreshes", type=int, default=1)
    parser.add_argument("--refresh-token", help="present this refresh token instead of the stored one")
    parser.add_argument("--timeout", type=float, default=10)
    options = parser.parse_args()

    with open(options.credentials) as file:
        credentials = json.load(file)
    sessions = credentials["sessions"]
    session = next(s for s in sessions if options.host in (None, s["host"]))
    base = credentials["baseURL"] + ("/p/" + options.process if options.process else "")
    refresh_token = options.refresh_token or session["refresh_token"]
    access_token = session["access_token"]

    for _ in range(options.refreshes):
        status, headers, body = post_form(
            base + "/token",
            {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": "live-client",
             "allow_redirects": "True"},
            options.timeout)
        step = {"step": "refresh", "status": status, "body": body, "retry_after": headers.get("Retry-After")}
        print(json.dumps(step), flush=True)
        if status == 200 and isinstance(body, dict) and "access_token" in body:
            access_token = body["access_token"]
            refresh_token = body.get("refresh_token", refresh_token)
        status, headers, body = get(base + "/api/items", access_token, options.timeout)
        step = {"step": "api", "status": status, "www_authenticate": headers.get("WWW-Authenticate")}
        print(json.dumps(step), flush=True)
    print(json.dumps({"done": True, "refresh_token": refresh_token, "access_token": access_token}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
