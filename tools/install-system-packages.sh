#!/usr/bin/env bash
# Install the Debian packages that a way of reading the book needs, when they are missing.
#
#   tools/install-system-packages.sh pdf|browser|node|graphviz [--check]
#
#   pdf      the LaTeX builder's toolchain (XeTeX and the LaTeX/font collections that
#            sphinx-jupyterbook-latex loads, latexmk, xindy, FreeFont, Latin Modern), ImageMagick
#            (sphinx.ext.imgconverter turns SVG/GIF outputs into PDF/PNG) and poppler-utils
#            (pdftotext/pdftoppm/pdfimages, used by tests/test_pdf.py)
#   browser  Debian's Chromium, driven by Playwright in tests/browser
#   node     Node.js and npm (the widget manager and axe-core come from the npm registry);
#            only installed when `npm` is not on PATH at all
#   graphviz Graphviz (`dot`, `twopi`), which lays out and renders the book's diagrams
#            (ifnalpha.book.diagrams, through the Python package `graphviz`); Binder gets it
#            from apt.txt
#
# Does nothing when everything is present. Installs with apt-get (through `sudo -n` when not
# root). Exit status: 0 when present or installed; 3 when something is missing and cannot be
# installed here (no apt-get, or not root and no password-less sudo): the message names the
# packages to install. With CI=true that case is an error (exit 1): CI must run every check.
# --check only reports (0 present, 3 missing) and installs nothing.
set -euo pipefail

kind="${1:-}"
mode="${2:-install}"

case "$kind" in
  pdf)
    packages=(texlive-xetex texlive-latex-extra texlive-latex-recommended texlive-fonts-recommended
              texlive-fonts-extra texlive-plain-generic latexmk xindy fonts-freefont-otf lmodern
              imagemagick poppler-utils)
    commands=(xelatex latexmk xindy pdftotext pdftoppm pdfimages) ;;
  browser)
    packages=(chromium)
    commands=(chromium) ;;
  graphviz)
    packages=(graphviz)
    commands=(dot twopi) ;;
  node)
    if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then exit 0; fi
    packages=(nodejs npm)
    commands=(node npm) ;;
  *)
    echo "usage: $0 pdf|browser|node|graphviz [--check]" >&2
    exit 2 ;;
esac

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
    [ "$status" = installed ] || missing+=("$package")
  done
else
  # Not a Debian system: judge by the commands, and name the Debian packages in the message.
  for command in "${commands[@]}"; do
    command -v "$command" >/dev/null 2>&1 || { missing=("${packages[@]}"); break; }
  done
fi

[ "${#missing[@]}" -eq 0 ] && exit 0

cannot() {
  local message="$kind checks need these Debian packages: ${missing[*]} ($1). Install them with:
  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "${CI:-}" = true ]; then
    echo "ERROR (CI=true, so this must not be skipped): $message" >&2
    exit 1
  fi
  echo "$message"
  exit 3
}

[ "$mode" = --check ] && cannot "checked only"

if ! command -v apt-get >/dev/null 2>&1; then
  cannot "apt-get is not available on this machine"
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  cannot "not root, and no password-less sudo"
fi

# Another package manager (an unattended upgrade, a second test run) may hold the Debian package
# locks: apt waits for the dpkg lock (DPkg::Lock::Timeout), and a run that still finds a lock
# busy (the package lists' lock, which that option does not cover on every apt) is retried,
# for LOCK_WAIT_S seconds in all, instead of failing the test run.
LOCK_WAIT_S="${LOCK_WAIT_S:-600}"
apt_run() {
  local deadline=$((SECONDS + LOCK_WAIT_S)) log status
  log="$(mktemp)"
  while true; do
    status=0
    "${as_root[@]}" apt-get -o DPkg::Lock::Timeout="$LOCK_WAIT_S" "$@" 2>"$log" || status=$?
    if [ "$status" -eq 0 ]; then cat "$log" >&2; rm -f "$log"; return 0; fi
    if grep -qiE 'could not get lock|unable to lock|is another process using it' "$log" \
        && [ "$SECONDS" -lt "$deadline" ]; then
      echo "Debian package lock busy; waiting (up to ${LOCK_WAIT_S}s in all) ..." >&2
      sleep 10
      continue
    fi
    cat "$log" >&2; rm -f "$log"
    return "$status"
  done
}

echo "Installing Debian packages for the $kind checks: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt_run update -qq
apt_run install -y -qq --no-install-recommends "${missing[@]}"
