"""Which certificate authorities our Teams HTTP clients trust.

Sovereign clouds, proxies and tests bring their own CA in SSL_CERT_FILE or REQUESTS_CA_BUNDLE;
every client we build (httpx, aiohttp, MSAL's requests) must trust the same file.
"""

from __future__ import annotations

import os
import ssl


def ca_bundle() -> str | None:
    """The CA file named by SSL_CERT_FILE or REQUESTS_CA_BUNDLE, or None for the defaults."""
    for name in ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"):
        path = os.environ.get(name)
        if path:
            return path
    return None


def ssl_context() -> ssl.SSLContext:
    """A verifying TLS context for httpx and aiohttp that honours the CA file above."""
    bundle = ca_bundle()
    if bundle:
        return ssl.create_default_context(cafile=bundle)
    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - certifi comes with httpx
        return ssl.create_default_context()
