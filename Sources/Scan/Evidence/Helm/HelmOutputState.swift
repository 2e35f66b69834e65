import Foundation
import PhaseModel

/// Everything said so far about one chart.
struct HelmChartAccumulator {
    var chart: String
    var messages: [HelmMessage] = []
    var dropped = 0
    var hasError = false
    var hasWarning = false
    var hasFailCall = false

    var status: HelmChartStatus {
        hasError || hasFailCall ? .failed : hasWarning ? .warnings : .passed
    }
}

/// The lint blocks since the last `N chart(s) linted` line: one `helm lint` invocation.
struct HelmLintRun {
    var line: Int
    var charts: [Int] = []
    var chartSet: Set<Int> = []
    var errorCharts: Set<Int> = []
    var warningCharts: Set<Int> = []
    /// A block with no warning or error was printed, so this was not `--quiet`.
    var showsCleanBlock = false
    var failCalls: [HelmPendingFailCall] = []
}

struct HelmPendingFailCall {
    var severity: HelmSeverity
    var text: String
    var line: Int
}

/// The parser's state between lines; fed by `HelmOutputParser` and `HelmRunner`.
struct HelmOutputState {
    let file: String
    let chartHint: String?
    var log: EvidenceProblemLog
    var results: [HelmChartAccumulator] = []
    /// Normalized chart name or lint path → index in `results`.
    var byName: [String: Int] = [:]
    /// Last component of a lint path → latest index, to merge `helm template`'s chart names.
    var byBaseName: [String: Int] = [:]
    var droppedCharts = 0
    var linted: Int?
    var failedDeclared: Int?
    var sawHelm = false
    var lastLine = 0

    var block: Int?
    var blockShowsWarningOrError = false
    var run: HelmLintRun?
    var pendingFailCalls: [HelmPendingFailCall] = []
    /// The message that indented lines continue: result index, and message index (nil when
    /// the message was over the cap: its continuation lines are skipped).
    var open: (result: Int, message: Int?)?
    var inManifest = false

    init(file: String, chartHint: String?) {
        self.file = file
        self.chartHint = chartHint
        self.log = EvidenceProblemLog(file: file)
        // The chart the caller ran helm on comes first, under the caller's name.
        if let chartHint { _ = chartIndex(forLintPath: chartHint) }
    }

    // MARK: Lines

    mutating func consume(_ line: EvidenceStreamLine) {
        lastLine = line.number
        guard log.check(line) else {
            open = nil
            return
        }
        let kind = HelmOutputLine(line.text)
        if kind == .indented, let open {
            appendContinuation(line.text, to: open)
            return
        }
        open = nil
        switch kind {
        case let .lintHeader(chart):
            sawHelm = true
            inManifest = false
            startBlock(chart, line: line.number)
        case let .lintSummary(linted, failed):
            sawHelm = true
            inManifest = false
            closeBlock()
            closeRun(linted: linted, failed: failed, line: line.number)
        case let .lintMessage(severity, path, text):
            if let block {
                addLintMessage(severity: severity, path: path, text: text, to: block, line: line.number)
            } else if !inManifest {
                log.add(line.number, LocalizedText(message: "problem.helm.outside-block"))
                let index = chartIndex(forLocationIn: text)
                if let index {
                    addLintMessage(severity: severity, path: path, text: text, to: index, line: line.number)
                }
            }
        case let .lintBareError(text):
            guard let block else { return }
            addLintMessage(severity: .error, path: "", text: text, to: block, line: line.number)
        case let .failCallLog(severity, required, message):
            sawHelm = true
            closeBlock()
            // Quoted in findings of every language, like the helm message it carries.
            let text = required
                ? LocalizedText(message: "problem.helm.required-value", ["message": .text(message)]).en
                : LocalizedText(message: "problem.helm.fail", ["message": .text(message)]).en
            if pendingFailCalls.count < HelmOutputParser.messageLimit {
                pendingFailCalls.append(HelmPendingFailCall(severity: severity, text: text, line: line.number))
            } else {
                log.add(line.number, LocalizedText(message: "problem.helm.too-many-fail-calls", ["limit": .count(HelmOutputParser.messageLimit)]))
            }
        case let .error(text):
            closeBlock()
            inManifest = false
            leaveLint(at: line.number)
            addTemplateError(text, line: line.number)
        case .debugHint:
            sawHelm = true
            closeBlock()
        case .documentStart:
            closeBlock()
            inManifest = true
        case let .source(path):
            closeBlock()
            inManifest = true
            if let slash = path.firstIndex(of: "/"), slash > path.startIndex {
                sawHelm = true
                leaveLint(at: line.number)
                _ = chartIndex(forTemplateName: String(path[..<slash]))
            }
        case .blank:
            closeBlock()
        case .indented, .other:
            if let block {
                log.add(line.number, LocalizedText(message: "problem.helm.unexpected-line", ["chart": .text(results[block].chart)]))
            }
        }
    }

    // MARK: Lint blocks and runs

    mutating func startBlock(_ chart: String, line: Int) {
        closeBlock()
        if run == nil {
            run = HelmLintRun(line: line, failCalls: pendingFailCalls)
            pendingFailCalls = []
        }
        guard let index = chartIndex(forLintPath: chart) else { return }
        block = index
        blockShowsWarningOrError = false
        if run?.chartSet.insert(index).inserted == true { run?.charts.append(index) }
    }

    mutating func closeBlock() {
        guard block != nil else { return }
        if !blockShowsWarningOrError { run?.showsCleanBlock = true }
        block = nil
    }

    mutating func addLintMessage(severity: HelmSeverity, path: String, text: String, to index: Int, line: Int) {
        let location = HelmLocation.first(in: text)
        let failCall = text.contains("execution error at (")
        var message = HelmMessage(
            severity: severity, chart: name(of: index), file: nil, text: text, isFailCall: failCall,
            source: .file(file, line: line), command: "lint")
        if let location {
            message.file = location.file
            message.line = location.line
            message.column = location.column
        } else {
            message.file = chartRelative(path, chart: results[index].chart)
        }
        if block == index {
            if severity == .error { run?.errorCharts.insert(index) }
            if severity == .warning { run?.warningCharts.insert(index) }
            if severity != .info { blockShowsWarningOrError = true }
        }
        add(message, to: index)
    }

    /// The file of a lint message, relative to the chart: `templates/x.yaml` stays; the
    /// chart's own folder (Helm prints it absolute for dependency errors) or nothing → nil.
    func chartRelative(_ path: String, chart: String) -> String? {
        if path.isEmpty { return nil }
        guard path.hasPrefix("/") else { return path }
        let normalized = Self.normalize(chart)
        if path == chart || path.hasSuffix("/" + normalized) { return nil }
        if let range = path.range(of: "/" + normalized + "/", options: .backwards) {
            return String(path[range.upperBound...])
        }
        return path
    }

    mutating func closeRun(linted: Int, failed: Int, line: Int) {
        self.linted = (self.linted ?? 0) + linted
        failedDeclared = (failedDeclared ?? 0) + failed
        let current = run ?? HelmLintRun(line: line, failCalls: pendingFailCalls)
        if run == nil { pendingFailCalls = [] }
        run = nil
        let shown = current.charts.count
        if shown > linted || (shown < linted && current.showsCleanBlock) {
            log.add(line, LocalizedText(message: "problem.helm.linted-differs", ["declared": .count(linted), "shown": .count(shown)]))
        }
        let errors = current.errorCharts.count
        let warningsOnly = current.warningCharts.subtracting(current.errorCharts).count
        if failed < errors || failed > errors + warningsOnly {
            let arguments: [String: MessageArgument] = ["declared": .count(failed), "errors": .count(errors), "warnings": .count(warningsOnly)]
            log.add(
                line,
                warningsOnly > 0
                    ? LocalizedText(message: "problem.helm.failed-differs.warnings", arguments)
                    : LocalizedText(message: "problem.helm.failed-differs", arguments))
        }
        attachFailCalls(current, single: shown == 1 && linted <= 1)
    }

    mutating func attachFailCalls(_ run: HelmLintRun, single: Bool) {
        for call in run.failCalls {
            if single, let index = run.charts.first {
                // The log line came before the block: keep output order.
                let at = results[index].messages.firstIndex { ($0.source.line ?? 0) > call.line }
                add(
                    HelmMessage(
                        severity: call.severity, chart: name(of: index), text: call.text, isFailCall: true,
                        source: .file(file, line: call.line), command: "lint"), to: index, at: at)
            } else {
                let arguments: [String: MessageArgument] = ["call": .text(call.text), "charts": .count(max(run.charts.count, 2))]
                log.add(call.line, LocalizedText(message: "problem.helm.fail-call-ambiguous", arguments))
            }
        }
    }

    /// `helm template` output or an error follows: fail-call lines logged since the last
    /// lint run belong to no lint run shown here.
    mutating func leaveLint(at line: Int) {
        if let current = run {
            run = nil
            log.add(line, LocalizedText(message: "problem.helm.no-summary"))
            attachFailCalls(current, single: current.charts.count == 1)
        }
        for call in pendingFailCalls {
            log.add(call.line, LocalizedText(message: "problem.helm.fail-call-alone", ["call": .text(call.text)]))
        }
        pendingFailCalls = []
    }

    // MARK: helm template

    mutating func addTemplateError(_ text: String, line: Int) {
        let location = HelmLocation.first(in: text)
        let index: Int?
        if let location {
            sawHelm = true
            index = chartIndex(forTemplateName: location.chart)
        } else if let chartHint {
            index = chartIndex(forLintPath: chartHint)
        } else {
            index = chartIndex(forTemplateName: HelmChartResult.unnamed)
        }
        guard let index else { return }
        let message = HelmMessage(
            severity: .error, chart: name(of: index),
            file: location?.file, line: location?.line, column: location?.column, text: text,
            isFailCall: text.contains("execution error at ("), source: .file(file, line: line), command: "template")
        add(message, to: index)
    }

    // MARK: Charts and messages

    static func normalize(_ path: String) -> String {
        var path = RepositoryPath.trimmingCurrentFolder(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return path.isEmpty ? "." : String(path)
    }

    mutating func chartIndex(forLintPath path: String) -> Int? {
        let normalized = Self.normalize(path)
        if let index = byName[normalized] { return index }
        let base = normalized.split(separator: "/").last.map(String.init) ?? normalized
        if base != normalized, let index = byName[base], !results[index].chart.contains("/") {
            byName[normalized] = index
            return index
        }
        guard let index = newChart(path) else { return nil }
        byName[normalized] = index
        if base != normalized { byBaseName[base] = index }
        return index
    }

    mutating func chartIndex(forTemplateName name: String) -> Int? {
        if let index = byName[name] ?? byBaseName[name] { return index }
        guard let index = newChart(name) else { return nil }
        byName[name] = index
        return index
    }

    mutating func chartIndex(forLocationIn text: String) -> Int? {
        if let location = HelmLocation.first(in: text) {
            sawHelm = true
            return chartIndex(forTemplateName: location.chart)
        }
        if let chartHint { return chartIndex(forLintPath: chartHint) }
        return chartIndex(forTemplateName: HelmChartResult.unnamed)
    }

    /// The chart name a message carries: nil for `HelmChartResult.unnamed`.
    func name(of index: Int) -> String? {
        results[index].chart == HelmChartResult.unnamed ? nil : results[index].chart
    }

    mutating func newChart(_ name: String) -> Int? {
        guard results.count < HelmOutputParser.chartLimit else {
            droppedCharts += 1
            return nil
        }
        results.append(HelmChartAccumulator(chart: name))
        return results.count - 1
    }

    mutating func add(_ message: HelmMessage, to index: Int, at position: Int? = nil) {
        if message.isFailCall { results[index].hasFailCall = true }
        switch message.severity {
        case .error: results[index].hasError = true
        case .warning: results[index].hasWarning = true
        case .info: break
        }
        if results[index].messages.count < HelmOutputParser.messageLimit {
            if let position {
                results[index].messages.insert(message, at: position)
                open = nil
            } else {
                results[index].messages.append(message)
                open = (index, results[index].messages.count - 1)
            }
        } else {
            results[index].dropped += 1
            open = (index, nil)
        }
    }

    mutating func appendContinuation(_ text: String, to open: (result: Int, message: Int?)) {
        guard let message = open.message else { return }
        let current = results[open.result].messages[message].text
        guard current.utf8.count < HelmOutputParser.maxMessageLength else { return }
        results[open.result].messages[message].text = current + "\n" + text
    }

    // MARK: End

    mutating func finish() -> HelmOutputSummary {
        closeBlock()
        if let current = run {
            run = nil
            log.add(lastLine, LocalizedText(message: "problem.helm.no-summary-at-end"))
            attachFailCalls(current, single: current.charts.count == 1)
        }
        for call in pendingFailCalls {
            log.add(call.line, LocalizedText(message: "problem.helm.fail-call-alone", ["call": .text(call.text)]))
        }
        pendingFailCalls = []
        for result in results where result.dropped > 0 {
            let arguments: [String: MessageArgument] = [
                "chart": .text(result.chart), "count": .count(result.dropped), "limit": .count(HelmOutputParser.messageLimit),
            ]
            log.add(nil, LocalizedText(message: "problem.helm.messages-dropped", arguments))
        }
        if droppedCharts > 0 {
            let arguments: [String: MessageArgument] = ["limit": .count(HelmOutputParser.chartLimit), "count": .count(droppedCharts)]
            log.add(nil, LocalizedText(message: "problem.helm.charts-dropped", arguments))
        }
        let recognized = sawHelm || (chartHint != nil && results.contains { !$0.messages.isEmpty || $0.dropped > 0 })
        if !recognized {
            log.add(nil, lastLine == 0 ? LocalizedText(message: "problem.helm.empty") : LocalizedText(message: "problem.helm.unrecognized"))
        }
        return HelmOutputSummary(
            recognized: recognized,
            charts: recognized
                ? results.map { HelmChartResult(chart: $0.chart, status: $0.status, messages: $0.messages) } : [],
            linted: linted, failedDeclared: failedDeclared, problems: log.finished())
    }
}
