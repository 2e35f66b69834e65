// Times CanonicalJSON.encode (phasecert's own writer) against Foundation's JSONEncoder with the
// same options, on a model built from SampleWorkspace.populated copied until it has --tasks
// tasks (two tasks, four findings and three claims a copy), and checks that both give the same
// bytes. Built and run by Benchmarks/run-canonical-json-benchmark.
import Foundation
import PhaseModel

var taskCount = 50_000
var runs = 5
/// `--profile`: only encode with CanonicalJSON, `--runs` times, for a profiler.
var profile = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--tasks": taskCount = Int(arguments.popFirst() ?? "") ?? taskCount
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--profile": profile = true
    default:
        FileHandle.standardError.write(Data("canonical-json-benchmark: unknown option \(argument)\n".utf8))
        exit(2)
    }
}

/// What `CertificationID` digests for one phase: the phase and its tasks, findings and claims.
struct Evidence: Encodable {
    var schemaVersion: Int
    var phase: Phase
    var tasks: [TaskRecord]
    var findings: [Finding]
    var claims: [Claim]
}

let sample = SampleWorkspace.populated
var workspace = sample
var phases: [Phase] = []
var tasks: [TaskRecord] = []
var findings: [Finding] = []
var claims: [Claim] = []
var evidence: [Evidence] = []
for copy in 0..<max(1, taskCount / sample.tasks.count) {
    let rename = { (id: String) in "\(id)-\(copy)" }
    var phase = sample.phases[0]
    phase.id = "\(copy + 1)"
    phase.tasks = phase.tasks.map(rename)
    var copied = sample.tasks
    for index in copied.indices {
        copied[index].id = rename(copied[index].id)
        copied[index].phase = phase.id
    }
    var copiedFindings = sample.findings
    for index in copiedFindings.indices {
        copiedFindings[index].task = copiedFindings[index].task.map(rename)
        copiedFindings[index].phase = phase.id
    }
    var copiedClaims = sample.claims
    for index in copiedClaims.indices { copiedClaims[index].phase = phase.id }
    phases.append(phase)
    tasks += copied
    findings += copiedFindings
    claims += copiedClaims
    evidence.append(Evidence(schemaVersion: 1, phase: phase, tasks: copied, findings: copiedFindings, claims: copiedClaims))
}
workspace.phases = phases
workspace.tasks = tasks
workspace.findings = findings
workspace.claims = claims

if profile {
    for _ in 0..<runs {
        _ = try CanonicalJSON.encode(workspace, pretty: false)
        for item in evidence { _ = try CanonicalJSON.encode(item, pretty: false) }
    }
    exit(0)
}

func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .throw
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

print("model: \(workspace.tasks.count) tasks, \(workspace.findings.count) findings, \(workspace.claims.count) claims, \(workspace.phases.count) phases; \(runs) runs each, median")
print("| case | bytes | JSONEncoder s | CanonicalJSON s | ratio |")
print("| --- | ---: | ---: | ---: | ---: |")
var mismatch = false
for (name, pretty) in [("whole model, compact", false), ("whole model, pretty", true)] {
    let theirs = try foundation(workspace, pretty: pretty)
    let ours = try CanonicalJSON.encode(workspace, pretty: pretty)
    if theirs != ours { mismatch = true; print("MISMATCH: \(name)") }
    var foundationTimes: [Double] = []
    var ownTimes: [Double] = []
    for _ in 0..<runs {
        foundationTimes.append(try seconds { _ = try foundation(workspace, pretty: pretty) })
        ownTimes.append(try seconds { _ = try CanonicalJSON.encode(workspace, pretty: pretty) })
    }
    let (a, b) = (median(foundationTimes), median(ownTimes))
    print("| \(name) | \(ours.count) | \(String(format: "%.3f", a)) | \(String(format: "%.3f", b)) | \(String(format: "%.1f", a / b))× |")
}
do {
    // One encode per phase, as certification ids are made.
    var bytes = 0
    for item in evidence {
        let ours = try CanonicalJSON.encode(item, pretty: false)
        if try foundation(item, pretty: false) != ours { mismatch = true }
        bytes += ours.count
    }
    var foundationTimes: [Double] = []
    var ownTimes: [Double] = []
    for _ in 0..<runs {
        foundationTimes.append(try seconds { for item in evidence { _ = try foundation(item, pretty: false) } })
        ownTimes.append(try seconds { for item in evidence { _ = try CanonicalJSON.encode(item, pretty: false) } })
    }
    let (a, b) = (median(foundationTimes), median(ownTimes))
    print("| \(evidence.count) phase evidences, compact | \(bytes) | \(String(format: "%.3f", a)) | \(String(format: "%.3f", b)) | \(String(format: "%.1f", a / b))× |")
}
if mismatch {
    print("the bytes differ from Foundation's")
    exit(1)
}
print("bytes identical to Foundation's in every case")
