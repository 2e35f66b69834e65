import Dispatch
import Foundation
import PhaseModel

/// Runs `helm lint` / `helm template` on one chart and parses what it prints.
///
/// The argument vector is fixed (`lint <chart>` or `template <chart>`), passed to the
/// executable directly with no shell; stdout and stderr share one pipe, so lines keep the
/// order a terminal shows (the fail-call log lines before the lint block). The pipe is
/// parsed as it is read: rendered manifests are never held, only messages and chart names.
/// A run still going after `timeout` is sent SIGTERM, then SIGKILL a second later.
public struct HelmRunner: Sendable {
    /// The `helm` to run, e.g. from `HelmLocator.executable(path:)`.
    public let executable: URL
    /// How long one run may take before it is killed.
    public let timeout: Duration
    /// When set, helm runs there and a chart inside it is passed by its relative path, so
    /// the output (and the reports made from it) carries no absolute machine path.
    public let workingDirectory: URL?

    /// How long to wait for the output to close after the process ended or was killed
    /// (a child of helm, such as a plugin, may still hold the pipe).
    static let drainGrace: Duration = .seconds(2)

    public init(executable: URL, timeout: Duration, workingDirectory: URL? = nil) {
        self.executable = executable
        self.timeout = timeout
        self.workingDirectory = workingDirectory
    }

    /// `helm lint <chart>`.
    public func lint(chartDirectory: URL) -> HelmRunResult {
        run("lint", chartDirectory: chartDirectory)
    }

    /// `helm template <chart>` (release name `release-name`, the chart's default values).
    public func template(chartDirectory: URL) -> HelmRunResult {
        run("template", chartDirectory: chartDirectory)
    }

    /// The chart argument: relative to `workingDirectory` when inside it, else absolute.
    func chartArgument(_ chartDirectory: URL) -> String {
        let chart = chartDirectory.standardizedFileURL.path
        if let workingDirectory {
            let base = workingDirectory.standardizedFileURL.path
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if chart == base { return "." }
            if chart.hasPrefix(prefix) {
                let relative = String(chart.dropFirst(prefix.count))
                // A leading "-" would read as a flag.
                return relative.hasPrefix("-") ? "./" + relative : relative
            }
        }
        return chart
    }

    func run(_ command: String, chartDirectory: URL) -> HelmRunResult {
        let chart = chartArgument(chartDirectory)
        let arguments = [command, chart]
        let label = "helm \(command) \(chart)"
        let reader = HelmPipeReader(file: label, chart: chart)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            var summary = reader.finish()
            summary.problems.append(
                EvidenceProblem(
                    file: label, line: nil,
                    message: LocalizedText(
                        message: "problem.helm.not-started", ["helm": .text(executable.path), "reason": .text(error.localizedDescription)])))
            return HelmRunResult(arguments: arguments, exitStatus: nil, timedOut: false, summary: summary)
        }

        let drained = DispatchSemaphore(value: 0)
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread {
            reader.drain(handle)
            drained.signal()
        }

        var timedOut = false
        if exited.wait(timeout: .now() + Self.dispatchInterval(timeout)) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + .seconds(1)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        let complete = drained.wait(timeout: .now() + Self.dispatchInterval(Self.drainGrace)) == .success

        var summary = reader.finish()
        var exitStatus: Int32?
        if timedOut {
            summary.problems.append(
                EvidenceProblem(
                    file: label, line: nil,
                    message: LocalizedText(message: "problem.helm.timed-out", ["run": .text(label), "timeout": .text(String(describing: timeout))])))
        } else if process.terminationReason == .uncaughtSignal {
            summary.problems.append(
                EvidenceProblem(
                    file: label, line: nil,
                    message: LocalizedText(message: "problem.helm.signal", ["run": .text(label), "signal": .count(Int(process.terminationStatus))])))
        } else {
            exitStatus = process.terminationStatus
            let failedChart = summary.charts.contains { $0.status == .failed }
            if exitStatus != 0 && !failedChart {
                summary.problems.append(
                    EvidenceProblem(
                        file: label, line: nil,
                        message: LocalizedText(
                            message: "problem.helm.status-without-failure", ["run": .text(label), "status": .count(Int(process.terminationStatus))])))
            }
        }
        if !complete {
            summary.problems.append(
                EvidenceProblem(file: label, line: nil, message: LocalizedText(message: "problem.helm.output-open")))
        }
        return HelmRunResult(arguments: arguments, exitStatus: exitStatus, timedOut: timedOut, summary: summary)
    }

    static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, nanoseconds.partialValue < Int64(Int.max) else { return .never }
        return .nanoseconds(max(0, Int(nanoseconds.partialValue + attoseconds / 1_000_000_000)))
    }
}

/// Parses a pipe as it is read, on the reading thread; `finish` may be called from another
/// thread at any time and sees the lines read so far.
final class HelmPipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var splitter = EvidenceStreamLines.Splitter()
    private var state: HelmOutputState

    init(file: String, chart: String) {
        state = HelmOutputState(file: file, chartHint: chart)
    }

    func drain(_ handle: FileHandle) {
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: EvidenceStreamLines.chunkSize)
            } catch {
                let failure = LocalizedText(message: "problem.read.failed", ["reason": .text(error.localizedDescription)])
                lock.withLock { state.log.add(nil, failure) }
                return
            }
            guard let chunk, !chunk.isEmpty else { return }
            lock.withLock {
                splitter.feed(chunk) { state.consume($0) }
            }
        }
    }

    func finish() -> HelmOutputSummary {
        lock.withLock {
            var splitter = splitter
            var state = state
            splitter.finish { state.consume($0) }
            return state.finish()
        }
    }
}
