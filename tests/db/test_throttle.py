"""The attacks of issue 17, run as an attacker would run them (bounded loops on a simulated clock), against the
survey/ actions the pages call: locking a victim out, password spraying, probing join codes, burying the audit
log. Each runs on SQLite and PostgreSQL.

Hashing is made cheap here (`cheap_hashing`): the attacks are about what the throttles let through, and
hundreds of real argon2 hashes would cost minutes; the real hasher is tested in test_accounts.py.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import insert, select

from survey import classroom
from survey.access import accounts, audit, throttle
from survey.access.accounts import AccountError
from survey.classroom import ClassError
from survey.storage import tables as tb
from survey.storage.db import open_database
from survey.storage.tables import utcnow

PASSWORD = "teacher-pass-2026"
ATTACKER, VICTIM_HOME = "203.0.113.9", "198.51.100.7"


@pytest.fixture
def cheap_hashing(monkeypatch):
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", hasher)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", hasher.hash("timing only"))
    return hasher


@pytest.fixture
def pauses(monkeypatch) -> list[float]:
    """The pauses the global ceilings asked for (recorded, not slept)."""
    asked: list[float] = []
    monkeypatch.setattr(throttle, "pause", asked.append)
    return asked


def make_accounts(db, hasher, names) -> None:
    hashed = hasher.hash(PASSWORD)
    with db.session() as s:
        s.execute(insert(tb.Account), [{"username": n, "password_hash": hashed, "display_name": ""} for n in names])
        s.commit()


def attempt(db, username, password, source, now) -> str:
    """One sign-in attempt: "in", or the refusal's message id (with the wait, for "account.wait")."""
    try:
        accounts.sign_in(db, username, password, source=source, now=now)
    except AccountError as e:
        return f"{e.message}:{e.params['seconds']}" if e.message == "account.wait" else e.message
    return "in"


def test_a_victim_is_never_locked_out_by_wrong_passwords_sent_from_elsewhere(db, cheap_hashing, pauses):
    """One wrong password each time the wait ends, for 8 simulated hours: the teacher, at their own address,
    signs in every half hour all the same (and so after a typo of their own); the attacker is slowed down to
    one guess per 15 minutes."""
    make_accounts(db, cheap_hashing, ["teacher"])
    start = now = next_visit = utcnow()
    guesses = 0
    while now < start + timedelta(hours=8):
        result = attempt(db, "teacher", f"guess-{guesses}", ATTACKER, now)
        if result.startswith("account.wait:"):
            now += timedelta(seconds=int(result.split(":")[1]))  # comes back exactly when the wait ends
            continue
        assert result == "account.wrong_password"
        guesses += 1
        if now >= next_visit:  # the teacher, at home (with a typo, the first time)
            if now == start:
                assert attempt(db, "teacher", "typo", VICTIM_HOME, now) == "account.wrong_password"
            assert attempt(db, "teacher", PASSWORD, VICTIM_HOME, now) == "in"
            next_visit = now + timedelta(minutes=30)
        now += timedelta(seconds=1)
    # 3 free, then 2 s … 15 min (10 doublings, about 34 min), then one per 15 min: ~3 + 10 + 30
    assert 35 <= guesses <= 50
    assert attempt(db, "teacher", "one more", ATTACKER, now) == "account.wrong_password"
    assert attempt(db, "teacher", PASSWORD, ATTACKER, now) == f"account.wait:{15 * 60}"  # the attacker's address
    assert pauses == []  # one attacker never reaches the global ceiling


def test_spraying_three_guesses_on_each_of_200_accounts_from_one_address_is_slowed(db, cheap_hashing, pauses):
    """600 guesses in about 100 s, as in the issue: the address is slowed across accounts, so only a handful
    are looked at; someone else's sign-in is not held up."""
    names = [f"user{k:03d}" for k in range(200)]
    make_accounts(db, cheap_hashing, names)
    now, results = utcnow(), []
    for name in names:
        for guess in ("123456", "password", "qwerty"):
            results.append(attempt(db, name, guess, ATTACKER, now))
            now += timedelta(seconds=0.17)
    looked_at = results.count("account.wrong_password")
    # 10 free, then waits of 2, 4, 8, 16, 32 s within the 100 s
    assert 10 <= looked_at <= 17, looked_at
    assert results[-1].startswith("account.wait:") and int(results[-1].split(":")[1]) > 1
    assert attempt(db, "user000", PASSWORD, VICTIM_HOME, now) == "in"
    with db.session() as s:  # folded: one entry per username tried, not one per guess
        entries = audit.entries(s, action="sign_in_failed")
    assert sum(e.count for e in entries) == looked_at and len(entries) < looked_at


@pytest.fixture
def low_ceilings(monkeypatch) -> None:
    """Ceilings of 20 a minute instead of 100 and 60: the same rule, fewer attempts to make."""
    assert (throttle.GLOBAL_CEILING, throttle.JOIN_GLOBAL_CEILING) == (100, 60)  # as the README says
    monkeypatch.setattr(throttle, "CEILINGS", {throttle.GLOBAL: 20, throttle.JOIN_GLOBAL: 20})
    monkeypatch.setattr(throttle, "GLOBAL_CEILING", 20)
    monkeypatch.setattr(throttle, "JOIN_GLOBAL_CEILING", 20)


def test_many_addresses_pass_the_global_ceiling_and_everyone_is_slowed_a_little_never_refused(
    db, cheap_hashing, pauses, low_ceilings
):
    make_accounts(db, cheap_hashing, ["teacher"])
    now = utcnow()
    for k in range(throttle.GLOBAL_CEILING + 1):  # a botnet: one wrong password per address, in a minute
        assert attempt(db, "teacher", "guess", f"10.1.{k // 250}.{k % 250}", now) == "account.wrong_password"
        now += timedelta(seconds=0.3)
    assert pauses == []
    assert attempt(db, "teacher", PASSWORD, VICTIM_HOME, now) == "in"  # slowed by a pause, not refused
    assert pauses == [throttle.PAUSE]
    assert attempt(db, "teacher", PASSWORD, VICTIM_HOME, now + throttle.GLOBAL_WINDOW) == "in"  # the minute over
    assert pauses == [throttle.PAUSE]


def test_an_administrator_sees_the_throttles_and_clears_one(db, ws, cheap_hashing, pauses):
    make_accounts(db, cheap_hashing, ["teacher", "root"])
    with db.session() as s:
        s.execute(tb.Account.__table__.update().where(tb.Account.username == "root").values(is_admin=True))
        s.commit()
        root = accounts.signed_in(s.scalar(select(tb.Account).where(tb.Account.username == "root")))
    now = utcnow()
    for _ in range(accounts.FREE_ATTEMPTS):
        attempt(db, "teacher", "guess", VICTIM_HOME, now)  # the teacher's own typos, at home
    assert attempt(db, "teacher", PASSWORD, VICTIM_HOME, now).startswith("account.wait:")
    shown = {(r.kind, r.key): r for r in accounts.current_throttles(db, root, now=now)}
    mine = shown[(throttle.ACCOUNT_SOURCE, f"teacher|{VICTIM_HOME}")]
    assert mine.failures == 3 and mine.blocked_until > now
    accounts.clear_throttle(db, root, mine.id)
    assert attempt(db, "teacher", PASSWORD, VICTIM_HOME, now) == "in"
    with pytest.raises(AccountError, match="throttle_gone"):
        accounts.clear_throttle(db, root, mine.id)
    with db.session() as s:
        [cleared] = audit.entries(s, action="throttle_clear")
    assert (cleared.username, cleared.target) == ("root", f"account+source: teacher|{VICTIM_HOME}")
    with db.session() as s:
        teacher = accounts.signed_in(s.scalar(select(tb.Account).where(tb.Account.username == "teacher")))
    with pytest.raises(AccountError, match="not_permitted"):
        accounts.current_throttles(db, teacher)
    for _ in range(accounts.FREE_ATTEMPTS):  # locked again, at school this time; the administrator resets
        attempt(db, "teacher", "guess", ATTACKER, now)
    accounts.reset_password(db, root, teacher.account_id, "a-brand-new-pass")
    assert attempt(db, "teacher", "a-brand-new-pass", ATTACKER, now) == "in"  # the new password at once


def test_join_codes_probed_from_one_address_are_slowed_whatever_the_browser_session(db, pauses, low_ceilings):
    with db.session() as s:
        teacher = accounts.create_account(s, "class-teacher", PASSWORD)
        made = classroom.create_class(s, teacher.id, "Marketing 1", ["Red"])
        s.commit()
    assert len(made.join_code) == classroom.JOIN_CODE_LENGTH == 12
    now, results = utcnow(), []
    for k in range(20):  # 20 codes through /join?code=… page loads in 17 s: a new browser session each time
        try:
            with db.session() as s:
                classroom.look_up_code(s, f"GUESS{k:07d}", source=ATTACKER, now=now)
        except ClassError as e:
            results.append(e.message)
        now += timedelta(seconds=0.85)
    assert results[:10] == ["join.code_unknown"] * 10
    assert results[10:].count("join.code_unknown") <= 3 and "join.too_many" in results[10:]
    with db.session() as s, pytest.raises(ClassError, match="too_many"):  # even the right code waits there
        classroom.look_up_code(s, made.join_code, source=ATTACKER, now=now)
    with db.session() as s:  # a student elsewhere joins
        assert classroom.look_up_code(s, made.join_code.lower(), source=VICTIM_HOME, now=now).name == "Marketing 1"
        [folded] = audit.entries(s, action="join_code_failed")
    assert folded.count == results.count("join.code_unknown") and folded.target == ATTACKER
    so_far = results.count("join.code_unknown")
    for k in range(throttle.JOIN_GLOBAL_CEILING + 1 - so_far):  # many addresses: everyone slowed, nobody refused
        with db.session() as s, pytest.raises(ClassError, match="code_unknown"):
            classroom.look_up_code(s, "X" * 12, source=f"10.2.0.{k}", now=now)
    assert pauses == []
    with db.session() as s:
        assert classroom.look_up_code(s, made.join_code, source=VICTIM_HOME, now=now).name == "Marketing 1"
    assert pauses == [throttle.PAUSE]


@pytest.fixture
def sqlite_db(tmp_path):
    """The flood below on SQLite only: hundreds of sign-ins cost half a minute on PostgreSQL, and what it
    checks (folding, paging) is the same SQL on both; the counting itself runs on both above."""
    database = open_database(f"sqlite:///{tmp_path / 'flood.db'}")
    yield database
    database.dispose()


def test_a_flood_of_failed_sign_ins_never_buries_a_survey_deletion(sqlite_db, cheap_hashing, pauses):
    """Failed sign-ins of one unauthenticated visitor, more than a page of them, are one entry with a count;
    from as many addresses they are one entry each, and the deletion is still reached by its filter, by its
    day and by paging (never a fixed cap)."""
    db, flood = sqlite_db, 120
    make_accounts(db, cheap_hashing, ["teacher"])
    start = utcnow()
    with db.session() as s:
        audit.record(s, audit.SYSTEM, "survey_delete", target="Course survey 2026")
        s.commit()
    now = start + timedelta(seconds=1)
    for k in range(flood):  # one visitor, who comes back each time its wait is over
        assert attempt(db, "teacher", f"guess-{k}", ATTACKER, now) == "account.wrong_password"
        now += throttle.RULES[throttle.SOURCE].max_wait
    with db.session() as s:
        page = audit.search(s)
    assert [(e.action, e.count) for e in page.entries] == [("sign_in_failed", flood), ("survey_delete", 1)]
    assert page.entries[0].detail["source"] == ATTACKER and page.entries[0].target == "teacher"
    for k in range(flood - 1):  # more visitors, one address each
        attempt(db, "teacher", "guess", f"10.3.0.{k}", now)
    with db.session() as s:
        first = audit.search(s)
        last = audit.search(s, page=first.pages)
        by_action = audit.search(s, audit.Filters(action="survey_delete"))
        by_day = audit.search(s, audit.Filters(since=start.date(), until=start.date()))
        assert len(audit.every_entry(s)) == first.total
    assert (first.total, first.pages, len(first.entries)) == (flood + 1, 2, audit.PAGE_SIZE)
    assert last.entries[-1].action == "survey_delete" and len(last.entries) == flood + 1 - audit.PAGE_SIZE
    assert [e.target for e in by_action.entries] == ["Course survey 2026"]
    assert "survey_delete" in {e.action for e in by_day.entries}
    with db.session() as s:  # a day later, the first failure after a quiet minute sweeps what no longer counts
        assert s.query(tb.Throttle).count() == 2 * flood + 1
    attempt(db, "teacher", "guess", VICTIM_HOME, now + timedelta(days=2))
    with db.session() as s:
        assert sorted(r.key for r in s.query(tb.Throttle)) == sorted(["sign-in", VICTIM_HOME, f"teacher|{VICTIM_HOME}"])


def test_a_burst_of_parallel_guesses_from_one_address_gets_no_more_than_the_free_ones(
    db, cheap_hashing, pauses, monkeypatch
):
    """24 requests at once, each one's hashing slowed so that all would pass the check before the first
    failure is counted, were the attempts of one address not taken one at a time."""
    make_accounts(db, cheap_hashing, ["teacher"])

    class SlowHasher:
        def verify(self, hashed, password):
            time.sleep(0.05)
            return cheap_hashing.verify(hashed, password)

        def check_needs_rehash(self, hashed):
            return False

    monkeypatch.setattr(accounts, "_hasher", SlowHasher())
    now = utcnow()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda k: attempt(db, "teacher", f"guess-{k}", ATTACKER, now), range(24)))
    assert results.count("account.wrong_password") == accounts.FREE_ATTEMPTS
    assert results.count("account.wait:2") == 24 - accounts.FREE_ATTEMPTS
