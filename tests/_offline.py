"""pytest plugin: the offline guard, loaded by ``tests/conftest.py`` (``pytest_plugins``).

The course must work without internet (students on a train, exam rooms, CI
without egress). For the whole test session this module refuses every socket
connection, UDP datagram and name lookup that is not for the local machine,
before any packet leaves: ``socket.socket.connect``/``connect_ex``/``sendto``,
``socket.create_connection`` and ``socket.getaddrinfo`` are wrapped.

Loopback (127.0.0.0/8, ::1, ``localhost``) and Unix sockets stay allowed: the
nbval kernels and the JupyterLab server of ``make test-browser`` talk over
127.0.0.1. The guard lives in the pytest process; kernels and browsers are
separate processes (the browser suite blocks their non-local requests itself).

A blocked call raises :class:`NetworkAccessBlocked` (a ``RuntimeError``, so
code that quietly handles ``OSError`` cannot swallow it), naming the address.
"""

from __future__ import annotations

import ipaddress
import socket

__all__ = ["NetworkAccessBlocked", "install_network_guard", "uninstall_network_guard", "is_local_host"]


class NetworkAccessBlocked(RuntimeError):
    """Raised when a test tries to reach a non-local address."""


_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
_ORIGINAL: dict[str, object] = {}


def is_local_host(host: object) -> bool:
    """Return True for loopback hosts: 127.0.0.0/8, ::1, 'localhost', '' / None (wildcard bind)."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().strip("[]").split("%", 1)[0].lower()
    if name in ("", "0.0.0.0", "::") or name in _LOCAL_NAMES:
        return True  # '' / wildcard only ever appear for binding a local server
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _blocked(what: str, address: object) -> NetworkAccessBlocked:
    return NetworkAccessBlocked(
        f"network access blocked during tests: {what} {address!r} is not a loopback address. "
        "hfs-edu must work offline; only 127.0.0.1/::1/localhost are allowed (see tests/_offline.py)."
    )


def _check_address(sock: socket.socket, address: object, what: str) -> None:
    family = getattr(sock, "family", None)
    if family not in (socket.AF_INET, socket.AF_INET6):
        return  # Unix sockets, netlink, ...: local by construction
    host = address[0] if isinstance(address, tuple) and address else address
    if not is_local_host(host):
        raise _blocked(what, address)


def _guarded_connect(self, address):
    _check_address(self, address, "connect to")
    return _ORIGINAL["connect"](self, address)


def _guarded_connect_ex(self, address):
    _check_address(self, address, "connect to")
    return _ORIGINAL["connect_ex"](self, address)


def _guarded_sendto(self, data, *args):
    address = args[-1] if args else None
    _check_address(self, address, "send a datagram to")
    return _ORIGINAL["sendto"](self, data, *args)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not is_local_host(host):
        raise _blocked("name lookup of", host)
    return _ORIGINAL["getaddrinfo"](host, *args, **kwargs)


def _guarded_create_connection(address, *args, **kwargs):
    host = address[0] if isinstance(address, tuple) and address else address
    if not is_local_host(host):
        raise _blocked("create_connection to", address)
    return _ORIGINAL["create_connection"](address, *args, **kwargs)


def install_network_guard() -> None:
    """Wrap the socket entry points (idempotent)."""
    if _ORIGINAL:
        return
    _ORIGINAL.update(
        connect=socket.socket.connect,
        connect_ex=socket.socket.connect_ex,
        sendto=socket.socket.sendto,
        getaddrinfo=socket.getaddrinfo,
        create_connection=socket.create_connection,
    )
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.socket.sendto = _guarded_sendto
    socket.getaddrinfo = _guarded_getaddrinfo
    socket.create_connection = _guarded_create_connection


def uninstall_network_guard() -> None:
    """Restore the original socket functions."""
    if not _ORIGINAL:
        return
    socket.socket.connect = _ORIGINAL["connect"]
    socket.socket.connect_ex = _ORIGINAL["connect_ex"]
    socket.socket.sendto = _ORIGINAL["sendto"]
    socket.getaddrinfo = _ORIGINAL["getaddrinfo"]
    socket.create_connection = _ORIGINAL["create_connection"]
    _ORIGINAL.clear()


def pytest_configure(config):
    install_network_guard()


def pytest_unconfigure(config):
    uninstall_network_guard()
