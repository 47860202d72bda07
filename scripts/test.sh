#!/usr/bin/env bash
# The project's test command: installs what the tests need that cargo cannot
# (Debian's Chromium, for the HTML report's browser test), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CHANNELSHIFT_SKIP_BROWSER:-0}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the browser test (set CHANNELSHIFT_SKIP_BROWSER=1 to skip it)" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
    if ! ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null); then
        echo "test.sh: could not install chromium; install it (apt-get install chromium) or set CHANNELSHIFT_SKIP_BROWSER=1" >&2
        exit 1
    fi
fi

cargo test --release --locked "$@"
