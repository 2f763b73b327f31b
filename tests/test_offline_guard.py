"""The offline guard (tests/_offline.py) blocks non-local addresses before any packet leaves."""

from __future__ import annotations

import socket
import urllib.request

import pytest

import _offline as guard


@pytest.fixture
def spy_connect(monkeypatch):
    """Replace the real connect behind the guard by a recorder: proves nothing reaches the network."""
    calls = []
    monkeypatch.setitem(guard._ORIGINAL, "connect", lambda sock, address: calls.append(address))
    monkeypatch.setitem(guard._ORIGINAL, "create_connection", lambda address, *a, **k: calls.append(address))
    monkeypatch.setitem(guard._ORIGINAL, "getaddrinfo", lambda host, *a, **k: calls.append(host) or [])
    return calls


def test_guard_is_installed():
    assert socket.socket.connect is guard._guarded_connect
    assert socket.getaddrinfo is guard._guarded_getaddrinfo
    assert socket.create_connection is guard._guarded_create_connection


def test_connect_to_public_address_is_blocked_without_traffic(spy_connect):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        with pytest.raises(guard.NetworkAccessBlocked, match=r"93\.184\.216\.34.*not a loopback"):
            s.connect(("93.184.216.34", 80))
        with pytest.raises(guard.NetworkAccessBlocked):
            s.connect_ex(("93.184.216.34", 80))
    with pytest.raises(guard.NetworkAccessBlocked, match="create_connection"):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
    assert spy_connect == []  # the real connect was never reached


def test_name_lookup_and_dns_datagram_are_blocked(spy_connect):
    with pytest.raises(guard.NetworkAccessBlocked, match="example.org"):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        with pytest.raises(guard.NetworkAccessBlocked, match="datagram"):
            s.sendto(b"\0", ("8.8.8.8", 53))
    assert spy_connect == []


def test_urllib_fails_loudly_with_a_clear_message():
    with pytest.raises(Exception) as info:
        urllib.request.urlopen("http://93.184.216.34/", timeout=1)
    assert "network access blocked" in str(info.value)


def test_loopback_stays_allowed():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2) as client:
            conn, _ = server.accept()
            client.sendall(b"ok")
            assert conn.recv(2) == b"ok"
            conn.close()
    assert socket.getaddrinfo("localhost", 80)


@pytest.mark.parametrize(
    "host, local",
    [
        ("127.0.0.1", True),
        ("127.3.4.5", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        (None, True),
        ("", True),
        ("93.184.216.34", False),
        ("10.0.0.1", False),
        ("example.org", False),
        ("pypi.org", False),
        (12, False),
    ],
)
def test_is_local_host(host, local):
    assert guard.is_local_host(host) is local
