"""Accounts from the command line, for whoever runs the server (e.g. a lost administrator password).

    python -m survey.cli.admin create-admin NAME [--database URL]
    python -m survey.cli.admin reset-password NAME [--database URL]
    python -m survey.cli.admin list [--database URL]

The password is asked twice on the terminal (never an argument, so it stays
out of the shell history and the process list), or read from standard input
with --password-stdin. Each change is written to the audit log as "system".
Exit status 0 on success, 1 when refused (the reason on standard error).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from survey.access import accounts, audit
from survey.access.accounts import AccountError
from survey.i18n import text
from survey.storage.db import open_database


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise AccountError("account.password_mismatch")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m survey.cli.admin", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("create-admin", "reset-password"):
        cmd = commands.add_parser(name)
        cmd.add_argument("username")
        cmd.add_argument("--password-stdin", action="store_true")
    commands.add_parser("list")
    for cmd in commands.choices.values():
        cmd.add_argument("--database", default=None, help="database URL (default: DATABASE_URL or data/)")
        cmd.add_argument("--lang", choices=("zh", "en"), default="en")
    args = parser.parse_args(argv)
    db = open_database(args.database)
    try:
        with db.session() as s:
            if args.command == "list":
                for a in accounts.list_accounts(s):
                    roles = ", ".join(f"{ws}:{role}" for ws, role in accounts.memberships(s, a.id).items())
                    flags = " admin" if a.is_admin else ""
                    flags += " disabled" if a.disabled else ""
                    print(f"{a.username}{flags} {roles}".rstrip())
                return 0
            password = _password(args)
            if args.command == "create-admin":
                account = accounts.create_account(s, args.username, password, is_admin=True)
                audit.record(s, audit.SYSTEM, "account_create", target=account.username, admin=True)
            else:
                account = accounts.find_account(s, args.username)
                accounts.set_password(s, account.id, password)
                audit.record(s, audit.SYSTEM, "password_reset", target=account.username)
            s.commit()
            print(account.username)
            return 0
    except AccountError as e:
        print(text(args.lang, e.message, **e.params), file=sys.stderr)
        return 1
    finally:
        db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
