"""Content-coding negotiation (RFC 9110 section 12.5.3): br, gzip or identity."""

from __future__ import annotations

PREFERENCE = {"br": 2, "gzip": 1, "identity": 0}


def _weights(header: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for part in header.split(","):
        token, *params = (p.strip() for p in part.split(";"))
        if not token:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
                if not 0.0 <= q <= 1.0:
                    q = 0.0
        token = token.lower()
        if token == "x-gzip":
            token = "gzip"
        weights[token] = max(q, weights.get(token, 0.0)) if token in weights else q
    return weights


def negotiate(accept_encoding: str | None) -> str:
    """The coding to send: the highest q, ties to br over gzip over identity.

    No header means identity. identity stays acceptable unless refused explicitly;
    if every coding is refused, identity is sent anyway (a 406 helps no reader).
    """
    if not accept_encoding:
        return "identity"
    weights = _weights(accept_encoding)
    star = weights.get("*")

    def q(coding: str) -> float:
        if coding in weights:
            return weights[coding]
        if star is not None:
            return star
        return 1.0 if coding == "identity" else 0.0

    best = max(PREFERENCE, key=lambda c: (q(c), PREFERENCE[c]))
    return best if q(best) > 0 else "identity"
