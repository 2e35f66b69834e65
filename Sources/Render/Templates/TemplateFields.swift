/// A view value that gives the members a template reads by name, without reflection.
///
/// The rows of a report's large tables are most of the values a report renders, and reading each
/// through `Mirror` was a large part of rendering a real repository's reports. A row lists every
/// stored property under its own name, as `Mirror` would (`TemplateFieldsTests` holds the two
/// equal and fails when a property is left out); rows with optional members do not conform, since
/// the mirror path leaves out an empty optional.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

extension AuditView.ClaimRow: TemplateFields {
    var templateFields: [String: Any] {
        [
            "source": source, "kind": kind, "quote": quote, "claimed": claimed, "verified": verified,
            "discrepancy": discrepancy, "verdict": verdict,
        ]
    }
}

extension AuditView.DetailRow: TemplateFields {
    var templateFields: [String: Any] {
        [
            "source": source, "kind": kind, "quote": quote, "claimed": claimed, "verified": verified,
            "expected": expected, "discrepancy": discrepancy, "note": note,
        ]
    }
}

extension CompletionView.TaskRow: TemplateFields {
    var templateFields: [String: Any] {
        [
            "id": id, "title": title, "status": status, "completion": completion, "quality": quality, "tests": tests,
            "findings": findings, "grade": grade,
        ]
    }
}

extension CompletionView.FindingRow: TemplateFields {
    var templateFields: [String: Any] {
        [
            "rule": rule, "ruleTitle": ruleTitle, "task": task, "location": location, "message": message,
            "remediation": remediation, "hasRemediation": hasRemediation,
        ]
    }
}

extension TaskView.FindingRow: TemplateFields {
    var templateFields: [String: Any] {
        ["severity": severity, "rule": rule, "location": location, "message": message, "remediation": remediation]
    }
}

extension TaskView: TemplateFields {
    var templateFields: [String: Any] {
        [
            "title": title, "taskID": taskID, "taskTitle": taskTitle, "phase": phase, "status": status,
            "completion": completion, "quality": quality, "grade": grade, "tool": tool, "hasHistory": hasHistory,
            "categories": categories, "hasFiles": hasFiles, "hasChecklist": hasChecklist, "checklistFile": checklistFile,
            "sections": sections, "checked": checked, "items": items, "percent": percent, "commits": commits,
            "hasCommits": hasCommits, "hasMerges": hasMerges, "hasPartialCounts": hasPartialCounts, "hasTests": hasTests,
            "testsPassed": testsPassed, "testsFailed": testsFailed, "testsErrored": testsErrored,
            "testsSkipped": testsSkipped, "testsFlaky": testsFlaky, "testsDefined": testsDefined,
            "hasCoverage": hasCoverage, "coveragePercent": coveragePercent, "coverageHit": coverageHit,
            "coverageFound": coverageFound, "coverageFiles": coverageFiles, "dependencies": dependencies,
            "hasDependencies": hasDependencies, "findings": findings, "hasFindings": hasFindings, "hasPhase": hasPhase,
            "phaseID": phaseID, "certificationID": certificationID, "hasCertification": hasCertification,
        ]
    }
}

extension TaskView.Category: TemplateFields {
    var templateFields: [String: Any] { ["name": name, "count": count, "files": files] }
}

extension TaskView.File: TemplateFields {
    var templateFields: [String: Any] {
        ["path": path, "change": change, "added": added, "deleted": deleted, "commits": commits]
    }
}

extension TaskView.Section: TemplateFields {
    var templateFields: [String: Any] {
        ["number": number, "title": title, "checked": checked, "total": total, "percent": percent]
    }
}

extension TaskView.Commit: TemplateFields {
    var templateFields: [String: Any] {
        ["id": id, "subject": subject, "added": added, "deleted": deleted, "date": date, "isMerge": isMerge, "merge": merge]
    }
}

extension TaskView.Dependency: TemplateFields {
    var templateFields: [String: Any] { ["id": id, "title": title, "state": state] }
}
