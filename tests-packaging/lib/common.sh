# shellcheck shell=bash
# Sourced by the packaging tests: the repository root, pass/fail counting, temporary folders,
# and the Python tools they install for themselves (into .build/packaging-tools/, through
# scripts/lib-python-tools, so a clean clone installs them once and later runs work offline).

PACKAGING_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PACKAGING_TOOLS="${PHASECERT_PACKAGING_TOOLS:-$PACKAGING_ROOT/.build/packaging-tools}"
# shellcheck source=../../scripts/lib-python-tools
source "$PACKAGING_ROOT/scripts/lib-python-tools"

checks_passed=0
checks_failed=0
test_name="$(basename "$0")"

pass() { checks_passed=$((checks_passed + 1)); echo "ok   $test_name: $*"; }
fail() { checks_failed=$((checks_failed + 1)); echo "FAIL $test_name: $*"; }
# check DESCRIPTION COMMAND...: pass when the command exits 0.
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# Prints the result line and exits 1 when a check failed.
finish() {
    echo "$test_name: $checks_passed passed, $checks_failed failed"
    [ "$checks_failed" -eq 0 ]
}

# A temporary folder removed when the test exits.
scratch_dir() {
    local dir
    dir="$(mktemp -d "${TMPDIR:-/tmp}/phasecert-packaging.XXXXXX")"
    _scratch_dirs+=("$dir")
    echo "$dir"
}
_scratch_dirs=()
_cleanup_scratch() {
    local dir
    for dir in "${_scratch_dirs[@]}"; do rm -rf "$dir"; done
}
trap _cleanup_scratch EXIT

# Makes Python module MODULE (PyPI package SPEC) importable by "$PYTHON", installing it into a
# folder of its own under the tools folder when the interpreter lacks it; exports PYTHONPATH.
# Call it directly, not in $(...), or the export is lost.
require_python_module() {
    local module="$1" spec="$2" name="${3:-$1}"
    PHASECERT_PYTHON_TOOLS="$PACKAGING_TOOLS/$name" python_tools_require "$module" "$spec" >&2
}

# Sets TOOL_BIN to command BINARY: from PATH, else from PyPI package SPEC installed into a folder
# of its own under the tools folder (whose bin/ then holds it). Returns 1 when neither works.
require_pip_binary() {
    local binary="$1" spec="$2" dir
    TOOL_BIN="$(command -v "$binary" || true)"
    [ -n "$TOOL_BIN" ] && return 0
    dir="$(PHASECERT_PYTHON_TOOLS="$PACKAGING_TOOLS/$binary" python_tools_dir)" || return 1
    if [ ! -x "$dir/bin/$binary" ]; then
        "$PYTHON" -m pip --version >/dev/null 2>&1 || { echo "$test_name: $PYTHON has no pip to install $spec" >&2; return 1; }
        echo "$test_name: installing $spec into $dir" >&2
        mkdir -p "$dir"
        PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install --quiet --disable-pip-version-check --no-input \
            --upgrade --target "$dir" "$spec" >&2 || return 1
    fi
    [ -x "$dir/bin/$binary" ] || { echo "$test_name: $spec did not install bin/$binary" >&2; return 1; }
    TOOL_BIN="$dir/bin/$binary"
}

# The release tarball for this machine's architecture, from .build-rel/dist/ (scripts/release)
# or PHASECERT_RELEASE_DIR; empty when there is none.
release_tarball() {
    local dist="${PHASECERT_RELEASE_DIR:-$PACKAGING_ROOT/.build-rel/dist}"
    ls -t "$dist"/phasecert-*-"$(uname -m)"-unknown-linux-gnu.tar.gz 2>/dev/null | head -1
}
