#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium, CJK fonts, nginx, poppler-utils, LibreOffice Calc) when missing.
# Runs before `npm test`, so the README's test line works on a fresh machine of this kind.
set -euo pipefail
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
# pdfinfo/pdftotext read back the printed handouts (tests/e2e/print.test.ts)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# soffice opens the published workbook and CSV as a reader would, and round-trips the 调度表
# (tests/e2e/real-clients.test.ts, tests/unit/progress-workbook.test.ts)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
	exit 1
fi
echo "[setup] apt-get install -y ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
