"""Slowing down guesses (passwords, join codes) without handing an attacker a way to lock the rightful user out.

Failures are counted in the database (`tables.Throttle`, one row per kind and key), so every app instance
sees the same counts. What is counted:

| kind | key | rule |
|---|---|---|
| "account+source" | username tried, client address | `ACCOUNT_SOURCE`: 3 free, then 2 s, 4 s, 8 s … at most 15 min |
| "source" | client address, any username | `SOURCE`: 10 free, then doubling from 2 s, at most 15 min |
| "global" | "sign-in" | more than `GLOBAL_CEILING` failed sign-ins in a minute: every attempt is slowed by `PAUSE` |
| "join+source" | client address | `JOIN_SOURCE`: 10 free wrong codes, then doubling from 2 s, at most 15 min |
| "join-global" | "join" | more than `JOIN_GLOBAL_CEILING` wrong codes in a minute: every attempt is slowed by `PAUSE` |

A blocked (kind, key) refuses its attempts, right or wrong, until `blocked_until` — but only the attempts
of that key: the rightful user signing in from their own address is never refused because someone else
failed, elsewhere, on their account. The global kinds never refuse: they slow everyone down by a few
seconds (`PAUSE`), so an attacker with many addresses gains little and the rightful user still gets in.
Failures are forgotten after a quiet `forget_after` (a source's quiet hour, an account's quiet day), and a
right password forgets the "account+source" count of its own address (not the source's: an attacker with
an account of their own could otherwise clear their count between guesses).

The client address comes from the page (`client_address`; "unknown" when there is none, e.g. in tests);
an IPv6 address counts by its /64 network, which one subscriber usually holds whole.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from survey.storage import tables as t

UNKNOWN = "unknown"

ACCOUNT_SOURCE = "account+source"
SOURCE = "source"
GLOBAL = "global"
JOIN_SOURCE = "join+source"
JOIN_GLOBAL = "join-global"
KINDS = (ACCOUNT_SOURCE, SOURCE, GLOBAL, JOIN_SOURCE, JOIN_GLOBAL)

GLOBAL_KEY = {GLOBAL: "sign-in", JOIN_GLOBAL: "join"}
GLOBAL_CEILING = 100  # failed sign-ins per minute, from everywhere, before everyone is slowed down
JOIN_GLOBAL_CEILING = 60  # wrong join codes per minute, from everywhere
GLOBAL_WINDOW = timedelta(minutes=1)
PAUSE = 3.0  # seconds every attempt waits while a global ceiling is passed


@dataclass(frozen=True)
class Rule:
    """`free` failures of one key cost nothing; the next one blocks the key for `first_wait`, each further
    one doubles it, at most `max_wait`; after `forget_after` without a failure the count starts again."""

    free: int
    first_wait: timedelta
    max_wait: timedelta
    forget_after: timedelta

    def wait(self, failures: int) -> timedelta:
        """How long a key is blocked right after its `failures`-th failure.

        >>> RULES[ACCOUNT_SOURCE].wait(2), RULES[ACCOUNT_SOURCE].wait(3), RULES[ACCOUNT_SOURCE].wait(5)
        (datetime.timedelta(0), datetime.timedelta(seconds=2), datetime.timedelta(seconds=8))
        >>> RULES[ACCOUNT_SOURCE].wait(60)
        datetime.timedelta(seconds=900)
        """
        over = failures - self.free
        if over < 0:
            return timedelta(0)
        return min(self.first_wait * (2 ** min(over, 20)), self.max_wait)


RULES = {
    ACCOUNT_SOURCE: Rule(3, timedelta(seconds=2), timedelta(minutes=15), timedelta(days=1)),
    SOURCE: Rule(10, timedelta(seconds=2), timedelta(minutes=15), timedelta(hours=1)),
    JOIN_SOURCE: Rule(10, timedelta(seconds=2), timedelta(minutes=15), timedelta(hours=1)),
}
CEILINGS = {GLOBAL: GLOBAL_CEILING, JOIN_GLOBAL: JOIN_GLOBAL_CEILING}


# --- the client's address -------------------------------------------------------------------------


def _networks(trusted: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    found = []
    for item in trusted:
        item = item.strip()
        if item:
            try:
                found.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                continue
    return found


def _address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(str(text or "").strip())
    except ValueError:
        return None


def source_key(address: str | None) -> str:
    """The key an address is counted under: an IPv4 address itself, an IPv6 address's /64 network,
    "unknown" for none or something that is no address.

    >>> source_key("203.0.113.9"), source_key("2001:db8:1:2:aaaa::1"), source_key(None)
    ('203.0.113.9', '2001:db8:1:2::/64', 'unknown')
    """
    ip = _address(address)
    if ip is None:
        return UNKNOWN
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_address(remote: str | None, forwarded_for: str | None, trusted: Iterable[str]) -> str:
    """The client's address (`source_key`): the connection's `remote` address, or, when that is one of the
    `trusted` proxies (addresses or networks), the last address of `forwarded_for` (X-Forwarded-For, every
    hop appended by a proxy) that is not itself a trusted proxy. A client cannot choose its key by sending
    X-Forwarded-For itself: only a trusted proxy's word is taken, and only for the hop it saw.

    >>> client_address("10.0.0.2", "198.51.100.7", ["10.0.0.2"])
    '198.51.100.7'
    >>> client_address("10.0.0.2", "6.6.6.6, 198.51.100.7", ["10.0.0.0/8"])  # 6.6.6.6 was typed by the client
    '198.51.100.7'
    >>> client_address("203.0.113.9", "6.6.6.6", ["10.0.0.2"])  # not through the proxy: the header is ignored
    '203.0.113.9'
    """
    networks = _networks(trusted)

    def is_trusted(ip) -> bool:
        return ip is not None and any(ip in n for n in networks)

    remote_ip = _address(remote)
    if not is_trusted(remote_ip) or not forwarded_for:
        return source_key(remote)
    hops = [h.strip() for h in str(forwarded_for).split(",") if h.strip()]
    for hop in reversed(hops):
        ip = _address(hop)
        if ip is None:
            return UNKNOWN  # a proxy wrote something that is no address: count it as one unknown client
        if not is_trusted(ip):
            return source_key(hop)
    return source_key(hops[0]) if hops else source_key(remote)


# --- counting -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What an attempt must do first: `wait` whole seconds (refused until then; 0: go on), or go on after a
    `pause` of some seconds (a global ceiling passed; 0: none)."""

    wait: int
    pause: float


def pause(seconds: float) -> None:
    """Slow an attempt down (a global ceiling passed); tests replace it to count the pauses."""
    time.sleep(seconds)


_STRIPES = tuple(threading.Lock() for _ in range(64))


@contextmanager
def one_at_a_time(s: Session, scope: str, source: str) -> Iterator[None]:
    """Attempts of one address (at signing in, or at join codes: `scope`) one after the other, from the check
    to the commit, so a burst of parallel requests cannot all pass the check before the first failure is
    counted: a lock of this process (one of 64, by the address) and, on PostgreSQL, a transaction-level
    advisory lock shared by every app instance. Enter it right after opening the session; commit inside."""
    digest = hashlib.sha256(f"{scope}|{source}".encode()).digest()
    stripe = _STRIPES[digest[0] % len(_STRIPES)]
    with stripe:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": int.from_bytes(digest[:8], "big", signed=True)}
            )
        yield


def account_key(username: str, source: str) -> str:
    return f"{username[:100]}|{source}"


def _row(s: Session, kind: str, key: str, *, lock: bool = False) -> t.Throttle | None:
    q = select(t.Throttle).where(t.Throttle.kind == kind, t.Throttle.key == key)
    return s.scalar(q.with_for_update() if lock else q)


def check(s: Session, keys: Sequence[tuple[str, str]], global_kind: str, now: datetime) -> Verdict:
    """The verdict for an attempt counted under `keys` ((kind, key) pairs) and the ceiling `global_kind`."""
    wanted = [*keys, (global_kind, GLOBAL_KEY[global_kind])]
    rows = s.scalars(
        select(t.Throttle).where(or_(*(and_(t.Throttle.kind == kind, t.Throttle.key == key) for kind, key in wanted)))
    ).all()
    wait, pause = 0, 0.0
    for row in rows:
        if row.blocked_until is None or row.blocked_until <= now:
            continue
        if row.kind in CEILINGS:
            pause = PAUSE
        else:
            wait = max(wait, math.ceil((row.blocked_until - now).total_seconds()))
    return Verdict(wait, pause)


def record_failure(s: Session, kind: str, key: str, now: datetime) -> t.Throttle:
    """Count one failure of (kind, key) at `now` and block the key as its rule says. Safe when several
    instances count the same key at once (the row is locked on PostgreSQL; a first row made twice is one)."""
    row = _row(s, kind, key, lock=True)
    if row is None:
        insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
        made = dict(kind=kind, key=key, failures=0, first_failed_at=now, last_failed_at=now)
        s.execute(insert(t.Throttle).values(**made).on_conflict_do_nothing(index_elements=["kind", "key"]))
        row = _row(s, kind, key, lock=True)  # ours, or the one another instance made meanwhile
    if kind in CEILINGS:
        if now - row.first_failed_at >= GLOBAL_WINDOW:
            row.failures, row.first_failed_at, row.blocked_until = 0, now, None
            _prune(s, now)  # at most once a minute: the rows whose failures are forgotten
        row.failures += 1
        row.last_failed_at = now
        if row.failures > CEILINGS[kind]:
            row.blocked_until = row.first_failed_at + GLOBAL_WINDOW
        s.flush()
        return row
    rule = RULES[kind]
    if now - row.last_failed_at > rule.forget_after and (row.blocked_until is None or row.blocked_until <= now):
        row.failures, row.first_failed_at = 0, now
    row.failures += 1
    row.last_failed_at = now
    wait = rule.wait(row.failures)
    row.blocked_until = now + wait if wait else None
    s.flush()
    return row


def _prune(s: Session, now: datetime) -> None:
    """Remove the rows that no longer count (not blocked, failures forgotten), so a spray of usernames from
    many addresses leaves no table that grows for ever."""
    for kind, rule in RULES.items():
        stale = s.scalars(
            select(t.Throttle.id)
            .where(
                t.Throttle.kind == kind,
                t.Throttle.last_failed_at < now - rule.forget_after,
                or_(t.Throttle.blocked_until.is_(None), t.Throttle.blocked_until <= now),
            )
            .with_for_update(skip_locked=True)  # a row another attempt holds right now is not waited for
        ).all()
        for start in range(0, len(stale), 500):
            s.execute(delete(t.Throttle).where(t.Throttle.id.in_(stale[start : start + 500])))


def forget(s: Session, kind: str, key: str) -> None:
    """Forget the failures of (kind, key) (a right password from that address)."""
    s.execute(delete(t.Throttle).where(t.Throttle.kind == kind, t.Throttle.key == key))


def forget_username(s: Session, username: str) -> None:
    """Forget the failures of `username` at every address (its password was just set)."""
    prefix = account_key(username, "")
    s.execute(
        delete(t.Throttle).where(t.Throttle.kind == ACCOUNT_SOURCE, t.Throttle.key.startswith(prefix, autoescape=True))
    )


@dataclass(frozen=True)
class ThrottleInfo:
    """A throttle as the administrators' page lists it."""

    id: int
    kind: str
    key: str
    failures: int
    first_failed_at: datetime
    last_failed_at: datetime
    blocked_until: datetime | None


def current(s: Session, now: datetime) -> list[ThrottleInfo]:
    """The throttles that still count: blocked now, or failures not yet forgotten; the longest blocked first."""
    rows = s.scalars(select(t.Throttle)).all()
    live = []
    for r in rows:
        forget_after = RULES[r.kind].forget_after if r.kind in RULES else GLOBAL_WINDOW
        if (r.blocked_until is not None and r.blocked_until > now) or now - r.last_failed_at <= forget_after:
            live.append(
                ThrottleInfo(r.id, r.kind, r.key, r.failures, r.first_failed_at, r.last_failed_at, r.blocked_until)
            )
    return sorted(live, key=lambda r: (r.blocked_until or datetime.min, r.last_failed_at), reverse=True)
