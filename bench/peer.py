"""The Python peer for scripts/bench: the same checks as assertlint's core, one process.
Reads every .json fixture ({"now", "app": {client_id, jwks}, "request": {url, form}}) and every
.curl file (URL and client_assertion from the command) under DIR, then checks: the JWT parses,
alg is RS256/ES256, iss = sub (= client_id when the fixture names it), aud = the request URL,
exp after now and iat not in the future, jti present, and the signature against the JWKS.
    python peer.py DIR JWKS NOW_EPOCH     prints {"files", "ok", "bad", "seconds"}"""
import json, os, re, sys, time
from joserfc import jwt
from joserfc.jwk import KeySet

root, jwks_path, now = sys.argv[1], sys.argv[2], int(sys.argv[3])
keys = KeySet.import_key_set(json.load(open(jwks_path)))
URL = re.compile(r"curl\s+'([^']+)'")
ASSERTION = re.compile(r"client_assertion=([A-Za-z0-9_.-]+)")

def judge(token, url, client_id):
    t = jwt.decode(token, keys, algorithms=["RS256", "ES256"])  # signature checked here
    c = t.claims
    if c.get("iss") is None or c.get("iss") != c.get("sub"): return False
    if client_id is not None and c["iss"] != client_id: return False
    aud = c.get("aud")
    if not (aud == url or (isinstance(aud, list) and url in aud)): return False
    if not isinstance(c.get("exp"), (int, float)) or c["exp"] <= now: return False
    if isinstance(c.get("iat"), (int, float)) and c["iat"] > now + 60: return False
    return bool(c.get("jti"))

files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith((".json", ".curl")))
ok = bad = 0
start = time.perf_counter()
for path in files:
    text = open(path).read()
    try:
        if path.endswith(".json"):
            fx = json.loads(text)
            good = judge(fx["request"]["form"]["client_assertion"], fx["request"]["url"], fx["app"]["client_id"])
        else:
            good = judge(ASSERTION.search(text).group(1), URL.search(text).group(1), None)
    except Exception:
        good = False
    ok, bad = (ok + 1, bad) if good else (ok, bad + 1)
print(json.dumps({"files": len(files), "ok": ok, "bad": bad, "seconds": time.perf_counter() - start}))
