"""Whose address a sign-in or join attempt is counted under (survey.access.throttle.client_address): the
connection's, or, only through a configured trusted proxy, the client its X-Forwarded-For names."""

import doctest

import pytest

from survey.access import throttle

PROXY = "10.0.0.2"


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "counted"),
    [
        ("203.0.113.9", None, [], "203.0.113.9"),
        ("203.0.113.9", "198.51.100.1", [], "203.0.113.9"),  # no proxy configured: a typed header changes nothing
        ("203.0.113.9", "198.51.100.1", [PROXY], "203.0.113.9"),  # not through the proxy
        (PROXY, "198.51.100.7", [PROXY], "198.51.100.7"),
        (PROXY, "1.2.3.4, 198.51.100.7", [PROXY], "198.51.100.7"),  # 1.2.3.4: the client's own claim
        (PROXY, "198.51.100.7, 10.0.0.9", ["10.0.0.0/24"], "198.51.100.7"),  # two proxies of ours
        (PROXY, "not-an-address", [PROXY], "unknown"),
        (PROXY, None, [PROXY], PROXY),
        ("2001:db8:1:2:aaaa::1", None, [], "2001:db8:1:2::/64"),  # one subscriber's /64 is one source
        ("::ffff:203.0.113.9", None, [], "203.0.113.9"),
        (None, None, [PROXY], "unknown"),
        ("127.0.0.1", "198.51.100.7", ["127.0.0.1", "bad entry"], "198.51.100.7"),  # nginx on the same host
    ],
)
def test_the_address_counted(remote, forwarded, trusted, counted):
    assert throttle.client_address(remote, forwarded, trusted) == counted


def test_an_attacker_cycling_forged_headers_stays_one_source():
    forged = {throttle.client_address("203.0.113.9", f"10.9.{k}.1", [PROXY]) for k in range(50)}
    via_proxy = {throttle.client_address(PROXY, f"10.9.{k}.1, 203.0.113.9", [PROXY]) for k in range(50)}
    assert forged == via_proxy == {"203.0.113.9"}


def test_the_docstring_examples_hold():
    result = doctest.testmod(throttle)
    assert result.attempted >= 6 and result.failed == 0
