/// The scenarios the benchmark and the soak serve.
enum BenchScenarios {
  /// `hosts` logged-in hosts (one session per client connection), rotating refresh tokens, no
  /// modelled latency and no faults: the server's own cost per request is what is measured.
  static func load(hosts: Int) -> String {
    """
    {"name": "serve-bench", "description": "tokensim serve under load: one session per connection, no latency, no faults",
     "duration": "1d", "seed": 1,
     "server": {"accessTokenTTL": "1h", "rotation": "rotate", "tokenLatency": "0s", "apiLatency": "0s"},
     "hosts": [{"name": "h", "copies": \(hosts),
                "processes": [{"name": "client", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]}]}
    """
  }

  /// `hosts` sessions under every fault kind at once, drawn per request: statuses with
  /// Retry-After in both formats, latency, hang, reset, empty, malformed, lost after commit.
  /// Rotation keeps the old token valid (rotate-without-revoke, the default), so that a client
  /// whose answer was lost keeps working for the whole soak instead of losing its family in the
  /// first minute; the model keeps every refresh token it issued (reuse detection needs them), so
  /// `static` rotation with a short `accessTTL` (expired access tokens are let go) is the way to
  /// see the server's memory without that ledger growing.
  static func soak(hosts: Int, rotation: String, accessTTL: String) -> String {
    """
    {"name": "serve-soak", "description": "tokensim serve soak: every fault kind on the wire, drawn per request",
     "duration": "30d", "seed": 1,
     "server": {"accessTokenTTL": "\(accessTTL)", "rotation": "\(rotation)",
                "tokenLatency": {"uniform": ["1ms", "20ms"]}, "apiLatency": "2ms",
                "faults": [
                  {"target": "token", "status": 503, "retryAfter": "2s", "probability": 0.03},
                  {"target": "token", "status": 429, "retryAfter": "1m", "retryAfterFormat": "http-date", "probability": 0.03},
                  {"target": "both", "latency": "300ms", "probability": 0.05},
                  {"target": "both", "effect": "hang", "probability": 0.01},
                  {"target": "both", "effect": "reset", "probability": 0.02},
                  {"target": "token", "effect": "empty", "probability": 0.02},
                  {"target": "token", "effect": "malformed", "probability": 0.02},
                  {"target": "token", "effect": "lost-after-commit", "probability": 0.02},
                  {"target": "api", "status": 502, "probability": 0.02}]},
     "hosts": [{"name": "h", "copies": \(hosts),
                "processes": [{"name": "client", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]}]}
    """
  }
}
