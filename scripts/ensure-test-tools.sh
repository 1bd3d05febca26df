#!/usr/bin/env bash
# The PDF export's tests read the PDF back with Debian's poppler-utils (pdftotext, pdffonts,
# pdftoppm). Installs them when missing (needs root and apt); prints nothing when they are there.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && command -v pdftoppm >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "pdftotext, pdffonts or pdftoppm is missing; install Debian's 'poppler-utils' package." >&2
  exit 1
fi
echo "Installing poppler-utils for the PDF tests (apt-get install poppler-utils)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
echo "poppler-utils installed: $(pdftotext -v 2>&1 | head -n 1)"
