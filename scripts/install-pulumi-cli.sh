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
#   pulumi-language-yaml            the Pulumi YAML language host, github.com/pulumi/pulumi-yaml
#                                   (pinned below; built with `go install` from the module proxy)
# Each part is built only when missing, so a second run is a fast no-op.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(node -p "require('$root/node_modules/pulumi/package.json').version")"
bin_dir="${PULUMI_HOME:-$HOME/.pulumi}/versions/$version/bin"

installed_version() {
  [ -x "$bin_dir/pulumi" ] && [ -x "$bin_dir/pulumi-language-nodejs" ] \
    && [ -x "$bin_dir/pulumi-resource-pulumi-nodejs" ] \
    && PULUMI_SKIP_UPDATE_CHECK=true "$bin_dir/pulumi" version 2>/dev/null
}

# The Pulumi YAML language host, beside `pulumi` (on PATH instead, every run prints a warning).
yaml_version="v1.25.0"

use_go() {
  if command -v go >/dev/null 2>&1; then return 0; fi
  if [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
    return 0
  fi
  echo "error: $1 is not in $bin_dir and Go is not installed to build it." >&2
  echo "       Either install Go (1.25 or newer) and run this script again, or let" >&2
  echo "       'npx pulumi version' download the official CLI (needs internet access)." >&2
  exit 1
}

install_yaml_host() {
  local stamp="$bin_dir/.pulumi-language-yaml.version"
  if [ -x "$bin_dir/pulumi-language-yaml" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$yaml_version" ]; then
    echo "Pulumi YAML language host $yaml_version is installed in $bin_dir"
    return 0
  fi
  use_go "the Pulumi YAML language host $yaml_version"
  local gobin started_yaml=$SECONDS
  gobin="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-yaml.XXXXXX")"
  echo "Building the Pulumi YAML language host $yaml_version from Go modules (about 4 minutes on 2 cores)..."
  # The module has no replace directives, so `go install module@version` builds it as released.
  GOBIN="$gobin" GOFLAGS=-mod=mod go install -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" \
    "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$yaml_version"
  mkdir -p "$bin_dir"
  mv -f "$gobin/pulumi-language-yaml" "$bin_dir/pulumi-language-yaml"
  echo "$yaml_version" > "$stamp"
  rm -rf "$gobin"
  echo "Installed pulumi-language-yaml $yaml_version in $bin_dir ($((SECONDS - started_yaml)) s)"
}

if [ "$(installed_version || true)" = "v$version" ]; then
  echo "Pulumi CLI v$version is installed in $bin_dir"
  install_yaml_host
  exit 0
fi

cli_module="$root/scripts/go/pulumi-cli"
if ! grep -qE "github.com/pulumi/pulumi/pkg/v3 v$version( |$)" "$cli_module/go.mod"; then
  echo "error: package.json pins the npm package pulumi@$version, but $cli_module/go.mod requires another" >&2
  echo "       github.com/pulumi/pulumi/pkg/v3 version. Pin the same version in both." >&2
  exit 1
fi

use_go "the Pulumi CLI v$version"

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
install_yaml_host
