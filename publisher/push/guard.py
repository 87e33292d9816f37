"""The outbound guard: no request to our own networks unless the operator allows them.

The check runs on the address actually dialled: `GuardedResolver` is the aiohttp
connector's resolver, so a hostname is resolved once, every address is checked,
and the connection goes to a checked address (no DNS-rebinding gap). IP literals
never reach a resolver; `Guard.check_url` refuses them before any connection.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from publisher.errors import PushError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Refused on top of everything Python does not call global.
BLOCKED: tuple[Network, ...] = tuple(
    ipaddress.ip_network(n)
    for n in ("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
              "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
              "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10",
              "ff00::/8", "64:ff9b:1::/48")
)


def _embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in an IPv4-mapped, -compatible, 6to4 or NAT64 form."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    packed = ip.packed
    if packed[:12] == bytes(12) and int(ip) > 1:  # ::a.b.c.d (deprecated compatible form)
        return ipaddress.IPv4Address(packed[12:])
    if ip in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(packed[12:])
    return None


# URLs that passed check_url, remembered: parsing one costs a fifth of a webhook's
# CPU (docs/benchmarks.md) and the same URLs are sent to again and again.
PASSED_MEMO = 4096


class Guard:
    def __init__(self, allow_networks: Iterable[str] = ()) -> None:
        self.allowed: tuple[Network, ...] = tuple(
            ipaddress.ip_network(n, strict=False) for n in allow_networks)
        self._passed: set[str] = set()

    def _is_allowed(self, ip: IPAddress) -> bool:
        return any(ip.version == n.version and ip in n for n in self.allowed)

    def blocked(self, address: str | IPAddress) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str)
                                  else address)
        inner = _embedded_v4(ip)
        c: IPAddress = ip if inner is None else inner  # judge the address really reached
        if self._is_allowed(ip) or self._is_allowed(c):
            return False
        return (not c.is_global or c.is_multicast or c.is_reserved or c.is_loopback
                or c.is_link_local or c.is_private or c.is_unspecified
                or any(c.version == n.version and c in n for n in BLOCKED))

    def check_address(self, address: str, *, key: str) -> None:
        if self.blocked(address):
            raise PushError(f"refused by the outbound guard: {address} is not a public "
                            "address (allow it with settings.allow_networks)", key=key)

    def check_url(self, url: str) -> None:
        """Refuse a URL that is not http(s), or whose host is a refused IP literal."""
        if url in self._passed:  # the answer depends on the URL alone: allowed stays fixed
            return
        self._check_url(url)
        if len(self._passed) >= PASSED_MEMO:
            self._passed.clear()
        self._passed.add(url)

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PushError("only http and https URLs with a host are allowed", key=url)
        host = parts.hostname
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            return  # a name: checked by GuardedResolver on what it resolves to
        self.check_address(host, key=url)


class GuardedResolver(AbstractResolver):
    """Resolves with the system resolver and refuses any non-allowed address."""

    def __init__(self, guard: Guard, inner: AbstractResolver | None = None) -> None:
        self.guard = guard
        self.inner = inner or ThreadedResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        for r in results:  # one bad address refuses the name: no partial rebinding
            self.guard.check_address(r["host"], key=f"{host} ({r['host']})")
        return results

    async def close(self) -> None:
        await self.inner.close()
