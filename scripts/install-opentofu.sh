#!/usr/bin/env bash
# Builds OpenTofu, the peer that `npm run bench:peer` measures against, from the Go module proxy
# into a cache outside the repository:
#   ${PULUMI_SERVICENOW_SPOKES_CACHE:-~/.cache/pulumi-servicenow-spokes}/tofu/<version>/tofu
# Idempotent: a no-op when that binary is there and reports the pinned version. The pin is the
# github.com/opentofu/opentofu requirement of scripts/go/opentofu/go.mod (a wrapper module: `go install ...@version`
# refuses OpenTofu because of its replace directive). Prints the binary's path last.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/scripts/go/opentofu"
version="$(sed -n 's#^[[:space:]]*github.com/opentofu/opentofu v\([0-9][0-9.]*\)\( // indirect\)\{0,1\}$#\1#p' "$module/go.mod" | head -1)"
if [ -z "$version" ]; then
  echo "error: no requirement of github.com/opentofu/opentofu v<version> in $module/go.mod" >&2
  exit 1
fi
cache="${PULUMI_SERVICENOW_SPOKES_CACHE:-$HOME/.cache/pulumi-servicenow-spokes}/tofu/$version"
bin="$cache/tofu"

# The first line of `tofu version`, read whole (grep -q would end tofu early, which pipefail
# counts as a failure), without any user CLI configuration (TF_CLI_CONFIG_FILE) in the way.
reports_version() {
  local printed
  printed="$(env -u TF_CLI_CONFIG_FILE "$bin" version 2>/dev/null || true)"
  [ "${printed%%$'\n'*}" = "OpenTofu v$version" ]
}

if [ -x "$bin" ] && reports_version; then
  echo "OpenTofu v$version is installed at $bin" >&2
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
if ! command -v go >/dev/null 2>&1; then
  echo "error: OpenTofu v$version is not at $bin and Go (1.26 or newer) is not installed to build it." >&2
  echo "       Install Go and run this again, or set OPENTOFU_BIN to a tofu v$version binary." >&2
  exit 1
fi

mkdir -p "$cache"
started=$SECONDS
echo "Building OpenTofu v$version from Go modules into $cache (the first build takes several minutes)..." >&2
# Build beside the target and rename, so an interrupted build leaves nothing half-done.
(cd "$module" && go build -trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$bin.partial" github.com/opentofu/opentofu/cmd/tofu) >&2
mv -f "$bin.partial" "$bin"
if ! reports_version; then
  echo "error: the build at $bin does not report OpenTofu v$version:" >&2
  env -u TF_CLI_CONFIG_FILE "$bin" version >&2 || true
  exit 1
fi
echo "Installed OpenTofu v$version at $bin ($((SECONDS - started)) s)" >&2
echo "$bin"
