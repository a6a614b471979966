#!/usr/bin/env python3
"""The CPython anchors of the Decode and Sign benchmarks, on the very inputs they use.

usage: bench-anchors.py BODYPATH

BODYPATH is the body WriteBenchBody wrote (the Decode benchmark reads it through BENCH_BODY);
BODYPATH.sign.json is the Sign benchmark's request, its fake keys and our signature of it.
Prints one JSON object: decode_cpython_ms (median json.loads of the bytes), sign_cpython_us
(median of one SDK-HMAC-SHA256 signature by hmac/hashlib) and sign_matches (whether that
signature is ours). Nothing here touches the network.
"""
import hashlib
import hmac
import json
import statistics
import sys
import time
from urllib.parse import quote, unquote

ALGORITHM = "SDK-HMAC-SHA256"


def encode(text):
    """RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they are (the SDK's quote(s, safe='~'))."""
    return quote(text, safe="~")


def canonical_uri(path):
    """Each segment of the decoded path encoded, and always a trailing `/` (JOB-API.md)."""
    uri = "/".join(encode(segment) for segment in unquote(path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(pairs):
    """Sorted by name, then value; each encoded; `name=` for an empty value."""
    return "&".join("%s=%s" % (encode(k), encode(v)) for k, v in sorted(pairs))


def sign(method, path, query, headers, body, ak, sk, date):
    """One signature: the canonical request exactly as JOB-API.md describes it."""
    signed = {}
    for name, value in headers:
        lower = name.lower()
        if "_" in lower or lower in signed:  # the SDK never signs names with `_`; first one counts
            continue
        signed[lower] = value.strip()
    names = sorted(signed)
    header_lines = "".join("%s:%s\n" % (n, signed[n]) for n in names)
    signed_headers = ";".join(names)
    # A body that is not JSON is sent with `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, which stands
    # for its hash.
    unsigned = signed.get("x-sdk-content-sha256") == "UNSIGNED-PAYLOAD"
    payload_hash = "UNSIGNED-PAYLOAD" if unsigned else hashlib.sha256(body).hexdigest()
    canonical = "%s\n%s\n%s\n%s\n%s\n%s" % (
        method.upper(), canonical_uri(path), canonical_query(query), header_lines, signed_headers, payload_hash)
    string_to_sign = "%s\n%s\n%s" % (ALGORITHM, date, hashlib.sha256(canonical.encode()).hexdigest())
    signature = hmac.new(sk.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    authorization = "%s Access=%s, SignedHeaders=%s, Signature=%s" % (ALGORITHM, ak, signed_headers, signature)
    return canonical, signature, authorization


def median_seconds(run, repeats, loops):
    """The median over `repeats` rounds of the time of one call, each round `loops` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(loops):
            run()
        times.append((time.perf_counter() - start) / loops)
    return statistics.median(times)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench-anchors.py BODYPATH")
    body_path = sys.argv[1]
    with open(body_path, "rb") as f:
        body = f.read()
    with open(body_path + ".sign.json") as f:
        s = json.load(f)

    json.loads(body)  # warm up
    decode = median_seconds(lambda: json.loads(body), repeats=41, loops=1)

    args = (s["method"], s["path"], [tuple(p) for p in s["query"]], [tuple(h) for h in s["headers"]],
            s["body"].encode(), s["ak"], s["sk"], s["date"])
    canonical, signature, authorization = sign(*args)
    matches = (signature == s["signature"] and canonical == s["canonical_request"]
               and authorization == s["authorization"])
    per_sign = median_seconds(lambda: sign(*args), repeats=21, loops=2000)

    print(json.dumps({
        "decode_cpython_ms": round(decode * 1e3, 3),
        "sign_cpython_us": round(per_sign * 1e6, 2),
        "sign_matches": matches,
        "python": sys.version.split()[0],
        "body_bytes": len(body),
    }))


if __name__ == "__main__":
    main()
