#!/bin/sh
# Recreates the helm fixtures in this folder from real Helm runs (see README.md).
# Usage: HELM3=/path/to/helm-v3.17.1 HELM4=/path/to/helm-v4.1.4 sh make-fixtures.sh
# Charts are written to /tmp/helm-fixtures (a fixed path, because Helm prints it in
# some messages); every command's stdout and stderr go to the fixture, in order (2>&1).
set -u
out=$(cd "$(dirname "$0")" && pwd)
: "${HELM3:?set HELM3}" "${HELM4:?set HELM4}"
export HOME=/tmp/helm-fixtures-home
rm -rf /tmp/helm-fixtures "$HOME"
mkdir -p /tmp/helm-fixtures/charts "$HOME"
cd /tmp/helm-fixtures || exit 1

chart() { # name [extra Chart.yaml lines]
    mkdir -p "charts/$1/templates"
    printf 'apiVersion: v2\nname: %s\nversion: 0.1.0\n%s' "$1" "${2-icon: https://example.com/icon.png
}" > "charts/$1/Chart.yaml"
    printf 'foo: {}\n' > "charts/$1/values.yaml"
}
configmap() { # chart
    printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-%s\ndata:\n  key: value\n' "$1" \
        > "charts/$1/templates/configmap.yaml"
}

chart good; configmap good
chart noicon ""; configmap noicon
mkdir -p charts/notemplates
printf 'apiVersion: v2\nname: notemplates\nversion: 0.1.0\nicon: https://example.com/icon.png\n' > charts/notemplates/Chart.yaml
chart failcall; configmap failcall
printf '{{- if not .Values.foo.enabled }}\n  {{ fail "must set foo" }}\n{{- end }}\n' > charts/failcall/templates/check.yaml
chart required
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "must set name" .Values.name }}\n' \
    > charts/required/templates/cm.yaml
chart parseerr; configmap parseerr
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n' > charts/parseerr/templates/broken.yaml
for k in a b c d e f g h i; do printf '  %s: "1"\n' "$k" >> charts/parseerr/templates/broken.yaml; done
printf '  j: {{ foo .Values }}\n' >> charts/parseerr/templates/broken.yaml
chart nilptr
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  bar: {{ .Values.missing.bar | quote }}\n' \
    > charts/nilptr/templates/deployment.yaml
chart yamlerr
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  key: value\n   other: [unclosed\n' \
    > charts/yamlerr/templates/bad.yaml
mkdir -p charts/badchart/templates
printf 'apiVersion: v2\nname: badchart\n' > charts/badchart/Chart.yaml
printf 'x: 1\n' > charts/badchart/values.yaml
configmap badchart
chart warnonly
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n' > charts/warnonly/templates/cm.yaml
chart parent; configmap parent
mkdir -p charts/parent/charts/sub/templates
printf 'apiVersion: v2\nname: sub\nversion: 0.1.0\n' > charts/parent/charts/sub/Chart.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "sub needs a name" .Values.name }}\n' \
    > charts/parent/charts/sub/templates/cm.yaml

for v in 3 4; do
    if [ "$v" = 3 ]; then helm=$HELM3; tag=v3.17.1; else helm=$HELM4; tag=v4.1.4; fi
    {
        for c in good noicon notemplates parseerr nilptr yamlerr badchart nosuch; do "$helm" lint "charts/$c" 2>&1; done
    } > "$out/lint-$tag-single-runs.txt"
    {
        "$helm" lint charts/failcall 2>&1
        "$helm" lint charts/required 2>&1
    } > "$out/lint-$tag-fail-call.txt"
    "$helm" lint charts/good charts/noicon charts/failcall charts/required charts/parseerr \
        > "$out/lint-$tag-multi-chart-run.txt" 2>&1
    {
        "$helm" lint --quiet charts/good charts/noicon charts/nilptr 2>&1
        "$helm" lint --strict charts/noicon charts/warnonly 2>&1
        "$helm" lint --with-subcharts charts/parent 2>&1
    } > "$out/lint-$tag-quiet-strict-subcharts.txt"
    {
        for c in good failcall required parseerr nilptr yamlerr badchart parent; do "$helm" template "charts/$c" 2>&1; done
    } > "$out/template-$tag.txt"
done

# A CI log: shell trace lines, lint and template of the same charts, one after the other.
mkdir -p /tmp/helm-fixtures-bin && ln -sf "$HELM4" /tmp/helm-fixtures-bin/helm
PATH=/tmp/helm-fixtures-bin:$PATH sh -xc 'for c in good nilptr; do helm lint charts/$c; helm template charts/$c; done' \
    > "$out/ci-log-lint-and-template-v4.1.4.txt" 2>&1
