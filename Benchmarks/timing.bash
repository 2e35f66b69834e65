# Timing shared by the Benchmarks/run-*-benchmark scripts: GNU time, timed runs, medians, ratios.
# Sourced, not run. The script sets, before calling bench_measure:
#   bench_prog      its name, for messages
#   bench_work      a temporary folder for the per-run figures
#   bench_runs      timed runs per command (the median is reported)
#   bench_limit     seconds before a run is given up (0: no limit)
#   bench_verdict   1 when exit status 1 (a failed gate, a contradicted claim) counts as a run, else 0
#   bench_cache     the folder a cold run removes first (DIR/.git/phasecert)
# and may define bench_before_run, called before every timed run (after the cold run's clean-up).
# bench_measure adds the id of a command that failed or timed out to the array bench_failed.

bench_failed=()

bench_die() { echo "$bench_prog: $*" >&2; exit 2; }

# GNU time (Debian package "time") gives peak RSS; bash's time keyword does not.
bench_need_gnu_time() {
    if ! dpkg -s time >/dev/null 2>&1 || [[ ! -x /usr/bin/time ]]; then
        if [[ "$(id -u)" == 0 ]]; then
            echo "$bench_prog: installing Debian package 'time'" >&2
            { apt-get install -y -q time || { apt-get update -q && apt-get install -y -q time; }; } >&2 \
                || bench_die "could not install the Debian package 'time'"
        else
            bench_die "needs /usr/bin/time: sudo apt-get install time"
        fi
    fi
}

# bench_phasecert PATH: the binary's absolute path, or exit 2.
bench_phasecert() {
    local p="$1"
    if [[ "$p" != */* ]]; then
        p="$(command -v "$p" || true)"
    fi
    [[ -n "$p" && -x "$p" && ! -d "$p" ]] || bench_die "phasecert binary not found or not executable: ${p:-?} (build with: swift build -c release)"
    echo "$(cd "$(dirname "$p")" && pwd)/$(basename "$p")"
}

bench_median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench_measure ID CLEAR_CACHE COMMAND...   (CLEAR_CACHE 1: remove $bench_cache before each run)
# -> $bench_work/ID.all (seconds, a line a run), ID.allkb (peak RSS KB), ID.allcpu (user + system
#    CPU seconds), ID.codes (exit statuses), ID.status: ok, TIMEOUT or FAILED
bench_measure() {
    local id="$1" clear="$2"; shift 2
    local i rc secs kb user sys cpu
    local -a limiter=()
    [[ "$bench_limit" -gt 0 ]] && limiter=(timeout "$bench_limit")
    : > "$bench_work/$id.all"; : > "$bench_work/$id.allkb"; : > "$bench_work/$id.allcpu"; : > "$bench_work/$id.codes"
    for ((i = 1; i <= bench_runs; i++)); do
        [[ "$clear" == 1 ]] && rm -rf "$bench_cache"
        if declare -F bench_before_run >/dev/null; then bench_before_run "$id"; fi
        /usr/bin/time -f '%e %M %U %S' -o "$bench_work/$id.time" "${limiter[@]}" "$@" > /dev/null 2> "$bench_work/$id.err"
        rc=$?
        if [[ $rc -eq 124 && ${#limiter[@]} -gt 0 ]]; then
            bench_failed+=("$id")
            echo "$bench_prog: '$*' did not finish in $bench_limit s" >&2
            echo "TIMEOUT" > "$bench_work/$id.status"
            return
        fi
        if [[ $rc -gt $bench_verdict ]]; then
            bench_failed+=("$id")
            echo "$bench_prog: '$*' failed (exit $rc); last lines of its stderr:" >&2
            tail -n 20 "$bench_work/$id.err" >&2
            echo "FAILED" > "$bench_work/$id.status"
            return
        fi
        echo "$rc" >> "$bench_work/$id.codes"
        read -r secs kb user sys < <(tail -n 1 "$bench_work/$id.time")
        cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
        echo "$secs" >> "$bench_work/$id.all"
        echo "$kb" >> "$bench_work/$id.allkb"
        echo "$cpu" >> "$bench_work/$id.allcpu"
        echo "  $id run $i: $secs s, $kb KB, $cpu s CPU, exit $rc" >&2
    done
    echo "ok" > "$bench_work/$id.status"
}

bench_status() { cat "$bench_work/$1.status" 2>/dev/null; }

# Median seconds, median CPU seconds (user + system, all processes), median peak RSS in MB (one
# decimal) and the exit statuses seen (0/1) of ID.
bench_seconds() { bench_median < "$bench_work/$1.all"; }
bench_cpu() { bench_median < "$bench_work/$1.allcpu"; }
bench_mb() { awk -v k="$(bench_median < "$bench_work/$1.allkb")" 'BEGIN { printf "%.1f", k / 1024 }'; }
bench_codes() { sort -u "$bench_work/$1.codes" | paste -sd / -; }

# bench_ratio A B: A / B as "1.23×", or "—" when B is empty or zero.
bench_ratio() { awk -v a="$1" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "—" }'; }

# Reads the pack and the work tree once, so that the first timed command does not pay for the disk.
bench_warm_page_cache() {
    local repo="$1" gitdir
    gitdir="$(git -C "$repo" rev-parse --absolute-git-dir)"
    cat "$gitdir"/objects/pack/*.pack > /dev/null 2>&1
    git -C "$repo" ls-files -z | (cd "$repo" && xargs -0 cat > /dev/null 2>&1)
}
