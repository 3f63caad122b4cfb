"""The Python peer for scripts/bench: the same checks as assertlint's core, one process.
Reads every .json / .yaml fixture ({"now", "app": {client_id, jwks}, "request": {url, form}}) and
every .curl file (URL and client_assertion from the command) under DIR, then checks, for each:
the JWT parses, alg is RS256/ES256, the signature against the JWKS (RS256 or ES256 by kid),
iss = sub (= client_id when the fixture names it), aud = the request URL, exp after now and iat
not in the future, jti present. `now` is the fixture's own; NOW_EPOCH for curl files.
    python peer.py DIR JWKS NOW_EPOCH
prints {"files", "sig_ok", "sig_bad", "ok", "bad"} (sig_*: signature valid or not; ok/bad: all checks)."""
import calendar, datetime, json, os, re, sys
from joserfc import jws, jwt
from joserfc.jwk import KeySet
from joserfc.errors import BadSignatureError
import yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

root, jwks_path, default_now = sys.argv[1], sys.argv[2], int(sys.argv[3])
keys = KeySet.import_key_set(json.load(open(jwks_path)))
URL = re.compile(r"curl\s+'([^']+)'")
ASSERTION = re.compile(r"client_assertion=([A-Za-z0-9_.-]+)")

def epoch(v):
    if v is None: return default_now
    if isinstance(v, (int, float)): return int(v)
    if isinstance(v, str): v = datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None: v = v.replace(tzinfo=datetime.timezone.utc)
        return calendar.timegm(v.utctimetuple())
    raise ValueError("now")

def judge(token, url, client_id, now):
    """(signature valid, every check passed)"""
    try:
        t = jwt.decode(token, keys, algorithms=["RS256", "ES256"])  # signature checked here
    except BadSignatureError:
        return False, False
    c = t.claims
    if c.get("iss") is None or c.get("iss") != c.get("sub"): return True, False
    if client_id is not None and c["iss"] != client_id: return True, False
    aud = c.get("aud")
    if not (aud == url or (isinstance(aud, list) and url in aud)): return True, False
    if not isinstance(c.get("exp"), (int, float)) or c["exp"] <= now: return True, False
    if isinstance(c.get("iat"), (int, float)) and c["iat"] > now + 60: return True, False
    return True, bool(c.get("jti"))

files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs
               if f.endswith((".json", ".yaml", ".yml", ".curl")) and not f.startswith("."))
sig_ok = sig_bad = ok = bad = 0
for path in files:
    with open(path) as f: text = f.read()
    try:
        if path.endswith(".curl"):
            sig, good = judge(ASSERTION.search(text).group(1), URL.search(text).group(1), None, default_now)
        else:
            fx = json.loads(text) if path.endswith(".json") else yaml.load(text, Loader=Loader)
            sig, good = judge(fx["request"]["form"]["client_assertion"], fx["request"]["url"],
                              fx["app"].get("client_id"), epoch(fx.get("now")))
    except Exception as e:  # unreadable fixture or token: counts as bad, and says why on stderr
        print(f"peer: {path}: {type(e).__name__}", file=sys.stderr)
        sig, good = False, False
    sig_ok += sig; sig_bad += not sig; ok += good; bad += not good
print(json.dumps({"files": len(files), "sig_ok": sig_ok, "sig_bad": sig_bad, "ok": ok, "bad": bad}))
