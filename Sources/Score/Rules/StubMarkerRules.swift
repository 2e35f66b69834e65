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
                    en: "\(marker.marker) at \(place) names \(marker.task): \(RuleText.quotedEn(marker.text)).",
                    ru: "Пометка \(marker.marker) в \(place) ссылается на задачу \(marker.task): \(RuleText.quotedRu(marker.text))."),
                remediation: LocalizedText(
                    en: "Finish the work the comment describes and remove the marker, or reopen \(marker.task).",
                    ru: "Доделайте работу, описанную в комментарии, и удалите пометку или снова откройте задачу \(marker.task)."))
        }
    }
}
