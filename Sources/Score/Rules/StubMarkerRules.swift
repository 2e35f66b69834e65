import PhaseModel

/// `code.stub-marker`: a `TODO`/`FIXME`/`XXX`/`HACK` comment that names a task.
enum StubMarkerRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        context.workspace.stubMarkers.map { marker in
            let place = "\(marker.file):\(marker.line)"
            return .rule(
                .codeStubMarker, task: marker.task, phase: context.phase(of: marker.task),
                at: .file(marker.file, line: marker.line),
                message: LocalizedText(
                    message: "finding.code.stub-marker.message",
                    [
                        "marker": .text(marker.marker), "place": .text(place), "task": .text(marker.task),
                        "text": .text(RuleText.excerpt(marker.text)),
                    ]),
                remediation: LocalizedText(message: "finding.code.stub-marker.remediation", ["task": .text(marker.task)]))
        }
    }
}
