#!/usr/bin/env bash
# Generates the provider plugin's SDKs for other languages from the package schema:
#   scripts/sdk-gen.sh [OUT] [LANGUAGES]     OUT defaults to sdk/ (git-ignored), LANGUAGES to
#                                            go,python,dotnet,nodejs; writes OUT/<language>/
# with the code generators of github.com/pulumi/pulumi/pkg/v3 (scripts/go/sdk-gen), built with
# this machine's Go into a cache outside the repository, keyed by the tool's sources:
#   ${PULUMI_SERVICENOW_SPOKES_CACHE:-~/.cache/pulumi-servicenow-spokes}/sdk-gen/<key>/sdk-gen
# The schema is provider/schema/schema.json as checked in (`npm run generate` refreshes it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/scripts/go/sdk-gen"
out="${1:-$root/sdk}"
languages="${2:-go,python,dotnet,nodejs}"

command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
if ! command -v go >/dev/null 2>&1; then
  echo "error: generating SDKs needs Go (1.25 or newer) to build scripts/go/sdk-gen; it is not installed." >&2
  exit 1
fi

key="$(cd "$module" && cat go.mod go.sum *.go | sha256sum | cut -c1-16)"
cache="${PULUMI_SERVICENOW_SPOKES_CACHE:-$HOME/.cache/pulumi-servicenow-spokes}/sdk-gen/$key"
bin="$cache/sdk-gen"
if [ ! -x "$bin" ]; then
  mkdir -p "$cache"
  started=$SECONDS
  echo "Building sdk-gen into $cache (the first build takes a few minutes)..." >&2
  # Build beside the target and rename, so an interrupted build leaves nothing half-done.
  (cd "$module" && go build -trimpath -o "$bin.partial" .) >&2
  mv -f "$bin.partial" "$bin"
  echo "Built sdk-gen ($((SECONDS - started)) s)" >&2
fi

# The Go SDK requires the Pulumi release that this repository's CLI is built from (scripts/go/pulumi-cli),
# so that a program, the CLI and the tests here share one github.com/pulumi/pulumi/sdk/v3.
go_sdk="$(sed -n 's#^[[:space:]]*github.com/pulumi/pulumi/pkg/v3 \(v[0-9][0-9.]*\)\( // indirect\)\{0,1\}$#\1#p' "$root/scripts/go/pulumi-cli/go.mod" | head -1)"
if [ -z "$go_sdk" ]; then
  echo "error: no requirement of github.com/pulumi/pulumi/pkg/v3 v<version> in scripts/go/pulumi-cli/go.mod" >&2
  exit 1
fi

"$bin" -schema "$root/provider/schema/schema.json" -out "$out" -languages "$languages" -go-sdk-version "$go_sdk"
