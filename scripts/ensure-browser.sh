#!/usr/bin/env bash
# What the browser and HTML tests need from Debian, installed when missing (never a browser or
# Java download from anywhere else): chromium (Playwright drives it), a Java runtime (vnu.jar
# validates the built HTML), and node + npm (`npm ci` installs axe-core and vnu-jar).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing from Debian for the tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "missing for the tests: run 'sudo apt-get install ${missing[*]}'" >&2
  exit 1
fi
