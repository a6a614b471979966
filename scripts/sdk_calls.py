"""What scripts/sdk-check.py and scripts/sdk-check-families.py share: loopback only, and one
recorded outcome per SDK call (what the SDK's models parsed, or the error it raised)."""
import os
import sys
import traceback

from huaweicloudsdkcore.exceptions.exceptions import SdkException
from huaweicloudsdkcore.http.http_config import HttpConfig


def loopback_http_config(endpoint, script):
    """Refuses any endpoint but loopback; drops the environment's proxies (requests reads them)."""
    if not endpoint.startswith("http://127.0.0.1:"):
        sys.exit("%s: only a loopback endpoint, http://127.0.0.1:PORT" % script)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"
    config = HttpConfig.get_default_config()
    config.timeout = (5, 10)
    return config


def recorder(out):
    """`call(name, fn)`: runs one SDK call and records its outcome in `out[name]`."""
    def call(name, fn):
        try:
            response = fn()
            out[name] = {"ok": True, "http_status": response.status_code, "body": response.to_dict()}
        except SdkException as e:
            out[name] = {"ok": False, "http_status": getattr(e, "status_code", None),
                         "error": "%s %s: %s" % (type(e).__name__, getattr(e, "error_code", ""), getattr(e, "error_msg", e))}
        except Exception as e:  # a model the SDK could not build from the body, say
            out[name] = {"ok": False, "http_status": None, "error": "%s: %s" % (type(e).__name__, e), "trace": traceback.format_exc()}
    return call
