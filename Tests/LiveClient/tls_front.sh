#!/bin/sh
# A TLS front for `tokensim serve`, for clients that accept only https (msal): stunnel from the
# Debian package stunnel4 terminates TLS on 127.0.0.1:TLS_PORT with a self-signed certificate for
# 127.0.0.1 made by openssl, and forwards plain HTTP to serve on 127.0.0.1:SERVE_PORT.
#
#   Tests/LiveClient/tls_front.sh SERVE_PORT TLS_PORT DIR
#
# DIR receives cert.pem (give it to the client as its CA bundle, e.g. REQUESTS_CA_BUNDLE=DIR/cert.pem),
# key.pem and stunnel.conf. stunnel runs in the foreground until it is stopped (Ctrl-C, SIGTERM).
set -eu
[ $# -eq 3 ] || { echo "usage: $0 SERVE_PORT TLS_PORT DIR" >&2; exit 2; }
serve_port=$1 tls_port=$2 dir=$3
stunnel=$(command -v stunnel4 || command -v stunnel || true)
[ -n "$stunnel" ] || { echo "$0: stunnel is not installed (apt-get install stunnel4)" >&2; exit 3; }
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
cat > "$dir/stunnel.conf" <<CONF
foreground = yes
pid =
[tokensim]
accept = 127.0.0.1:$tls_port
connect = 127.0.0.1:$serve_port
cert = $dir/cert.pem
key = $dir/key.pem
CONF
exec "$stunnel" "$dir/stunnel.conf"
