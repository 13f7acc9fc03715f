#!/usr/bin/env bash
# Developer entry point.
#
#   ./dev.sh app  [streamlit args...]   run the dashboard on http://127.0.0.1:8501
#   ./dev.sh test [pytest args...]      ruff, then pytest
#
# Each command bootstraps what it needs and is safe to run again:
#   - Debian packages, installed only when missing (apt-get update once first):
#       fonts-noto-cjk                       both commands (Chinese text in charts and reports)
#       fonts-dejavu-core                    both commands (PDF report: right-to-left scripts and symbols)
#       chromium (/usr/bin/chromium)         test (Playwright drives it; no browser is ever downloaded)
#       postgresql-15                        test, when /usr/lib/postgresql/15/bin/initdb is missing
#   - .venv (Python 3.11+) with requirements.txt (app) or requirements-dev.txt
#     (test); pip runs again only when those files change (stamp in .venv).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
# Playwright's Python package never downloads a browser on install, but make sure
# nothing run from here does either: tests use Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf 'dev.sh: %s\n' "$*"; }
die() { printf 'dev.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'EOF'
usage: ./dev.sh app  [streamlit args...]   run the dashboard (http://127.0.0.1:8501)
       ./dev.sh test [pytest args...]      ruff check, then pytest
EOF
}

# Run a command quietly; on failure show the tail of its output and stop.
quiet() {
    local what="$1"; shift
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/dev.sh.XXXXXX")"
    if ! "$@" >"$log" 2>&1 </dev/null; then
        printf 'dev.sh: error: %s failed; last lines of its output:\n' "$what" >&2
        tail -n 40 "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
}

# ---------------------------------------------------------------- Debian packages

APT_UPDATED=0

pkg_installed() {
    case "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" in
    *" ok installed") return 0 ;;
    *) return 1 ;;
    esac
}

# ensure_debs PKG... : install those of PKG that are missing.
ensure_debs() {
    local missing=() p
    for p in "$@"; do
        pkg_installed "$p" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "debian packages ok: $*"
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "WARNING: missing ${missing[*]} and no apt-get here; install them by hand"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            say "WARNING: missing Debian packages: ${missing[*]}"
            say "WARNING: not root and no password-less sudo; as root run:"
            say "    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
            return 0
        fi
    fi
    if [ "$APT_UPDATED" -eq 0 ]; then
        say "apt-get update"
        quiet "apt-get update" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o DPkg::Lock::Timeout=300
        APT_UPDATED=1
    fi
    say "apt-get install ${missing[*]}"
    quiet "apt-get install ${missing[*]}" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300 "${missing[@]}"
}

# ---------------------------------------------------------------- Python venv

find_python() {
    local c
    for c in python3.11 python3; do
        if command -v "$c" >/dev/null 2>&1 &&
            "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            command -v "$c"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    if [ -x "$PY" ] && "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
        say "venv ok: .venv ($("$PY" -c 'import platform; print("Python", platform.python_version())'))"
        return 0
    fi
    local base
    base="$(find_python)" || die "Python 3.11+ not found (tried python3.11, python3); install python3.11"
    if [ -e "$VENV" ]; then
        say "venv .venv is broken or too old; recreating it"
        rm -rf "$VENV"
    fi
    say "creating .venv with $base ($("$base" -c 'import platform; print(platform.python_version())'))"
    quiet "creating .venv" "$base" -m venv "$VENV"
}

# stamp_of FILE... : what the stamp holds once FILE... are installed.
stamp_of() {
    { "$PY" -c 'import sys; print(sys.version)'; cat "$@"; } | sha256sum | cut -d' ' -f1
}

# ensure_requirements NAME FILE... : pip install -r the first FILE unless FILE...
# (the first one and the files it includes) are unchanged since the last install.
ensure_requirements() {
    local name="$1" req="$2"; shift
    local stamp="$VENV/.dev-sh-$name.sha256" want
    want="$(stamp_of "$@")"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        say "python packages ok: $req unchanged since last install"
        return 0
    fi
    say "pip install -r $req (a few minutes on a fresh .venv)"
    rm -f "$stamp"
    quiet "pip install -r $req" "$PY" -m pip install -q --progress-bar off -r "$req"
    printf '%s\n' "$want" >"$stamp"
}

# Two dev.sh at once (app + test) must not pip into the same .venv together.
lock_venv() {
    if command -v flock >/dev/null 2>&1; then
        local key
        key="$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
        exec 9>"${TMPDIR:-/tmp}/dev.sh-$key-$(id -u).lock"
        flock 9
    fi
}

unlock_venv() {
    if command -v flock >/dev/null 2>&1; then
        exec 9>&-
    fi
}

# ---------------------------------------------------------------- commands

cmd="${1:-}"
case "$cmd" in
app)
    shift
    ensure_debs fonts-noto-cjk fonts-dejavu-core
    lock_venv
    ensure_venv
    ensure_requirements app requirements.txt
    unlock_venv
    # migrate the database (and load the demo surveys on first start) before serving
    "$PY" -m survey.cli.setup | sed 's/^/dev.sh: /'
    say "streamlit run app.py (http://127.0.0.1:8501 unless overridden) $*"
    exec "$PY" -m streamlit run app.py --server.address=127.0.0.1 --server.port=8501 \
        --server.headless=true --browser.gatherUsageStats=false "$@"
    ;;
test)
    shift
    debs=(fonts-noto-cjk fonts-dejavu-core chromium)
    [ -x /usr/lib/postgresql/15/bin/initdb ] || debs+=(postgresql-15)
    ensure_debs "${debs[@]}"
    [ -x /usr/bin/chromium ] || say "WARNING: /usr/bin/chromium missing: browser tests will fail"
    lock_venv
    ensure_venv
    ensure_requirements test requirements-dev.txt requirements.txt
    # requirements-dev.txt includes requirements.txt: `app` needs no pip run now.
    stamp_of requirements.txt >"$VENV/.dev-sh-app.sha256"
    unlock_venv
    say "ruff check . && ruff format --check ."
    "$PY" -m ruff check .
    "$PY" -m ruff format --check .
    # the suite runs on every core (pytest-xdist: each test file on one worker; one browser test at a
    # time across the workers: tests/browser/conftest.py); TEST_WORKERS=1 runs it in one process
    workers="${TEST_WORKERS:-$(nproc 2>/dev/null || echo 1)}"
    [ "$workers" -le 4 ] 2>/dev/null || workers=4  # each worker starts its own PostgreSQL and app servers
    parallel=()
    if [ "$workers" -gt 1 ] 2>/dev/null; then
        parallel=(-n "$workers" --dist loadfile)
    fi
    say "pytest ${parallel[*]} $*"
    exec "$PY" -m pytest "${parallel[@]}" "$@"
    ;;
-h | --help | help)
    usage
    ;;
*)
    usage >&2
    exit 2
    ;;
esac
