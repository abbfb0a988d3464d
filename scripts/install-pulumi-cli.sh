#!/usr/bin/env bash
# Puts the Pulumi CLI where the npm `pulumi` launcher looks for it
# ($PULUMI_HOME/versions/<version>/bin, PULUMI_HOME defaulting to ~/.pulumi), so that
# `npx pulumi` runs without downloading anything. Idempotent: a no-op when the binaries of the
# pinned version are there.
#
# Machines with internet access do not need this (the launcher downloads the official CLI on
# first use). Machines without it, but with Go and the Go module proxy, build the CLI here:
#   pulumi                          from github.com/pulumi/pulumi/pkg/v3 (scripts/go/pulumi-cli)
#   pulumi-language-nodejs          from github.com/pulumi/pulumi/sdk/v3 (scripts/go/pulumi-language-nodejs)
#   pulumi-resource-pulumi-nodejs   the dynamic-provider launcher shipped inside @pulumi/pulumi
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(node -p "require('$root/node_modules/pulumi/package.json').version")"
bin_dir="${PULUMI_HOME:-$HOME/.pulumi}/versions/$version/bin"

installed_version() {
  [ -x "$bin_dir/pulumi" ] && [ -x "$bin_dir/pulumi-language-nodejs" ] \
    && [ -x "$bin_dir/pulumi-resource-pulumi-nodejs" ] \
    && PULUMI_SKIP_UPDATE_CHECK=true "$bin_dir/pulumi" version 2>/dev/null
}

if [ "$(installed_version || true)" = "v$version" ]; then
  echo "Pulumi CLI v$version is installed in $bin_dir"
  exit 0
fi

cli_module="$root/scripts/go/pulumi-cli"
if ! grep -qE "github.com/pulumi/pulumi/pkg/v3 v$version( |$)" "$cli_module/go.mod"; then
  echo "error: package.json pins the npm package pulumi@$version, but $cli_module/go.mod requires another" >&2
  echo "       github.com/pulumi/pulumi/pkg/v3 version. Pin the same version in both." >&2
  exit 1
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
  else
    echo "error: the Pulumi CLI v$version is not in $bin_dir and Go is not installed to build it." >&2
    echo "       Either install Go (1.25 or newer) and run this script again, or let" >&2
    echo "       'npx pulumi version' download the official CLI (needs internet access)." >&2
    exit 1
  fi
fi

staging="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-cli.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
started=$SECONDS
echo "Building the Pulumi CLI v$version from Go modules (the first build takes a few minutes)..."

(cd "$cli_module" && go build -trimpath -o "$staging/pulumi" \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)

(cd "$root/scripts/go/pulumi-language-nodejs" && go build -trimpath -o "$staging/pulumi-language-nodejs" \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs)

cp "$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$staging/"
chmod +x "$staging/"*

# Move into place only once everything built, so an interrupted build leaves nothing half-done.
mkdir -p "$bin_dir"
for exe in pulumi pulumi-language-nodejs pulumi-resource-pulumi-nodejs; do
  mv -f "$staging/$exe" "$bin_dir/$exe"
done

echo "Installed Pulumi CLI $("$bin_dir/pulumi" version) in $bin_dir ($((SECONDS - started)) s)"
