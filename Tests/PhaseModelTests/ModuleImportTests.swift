import Foundation
import Testing

/// The pipeline's stages import only earlier ones (docs/design/pipeline.md): Score stands on the
/// model alone, nothing but the CLI and the pipeline library imports Render, and Render reads Scan
/// only where named here.
struct ModuleImportTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources")

    /// The modules each Swift file under `Sources/<module>` imports, by repository path.
    static func imports(of module: String) throws -> [String: Set<String>] {
        let folder = sources.appending(path: module)
        var result: [String: Set<String>] = [:]
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty, "\(module) has no Swift files")
        for file in files {
            let text = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
            let imported = text.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ")
                guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                    words[..<at].allSatisfy({ ["public", "internal", "@_implementationOnly", "package"].contains($0) })
                else { return nil }
                return String(words[at + 1])
            }
            result["Sources/\(module)/\(file)"] = Set(imported)
        }
        return result
    }

    @Test func scoreStandsOnTheModelAlone() throws {
        for (file, imported) in try Self.imports(of: "Score") {
            #expect(imported.isSubset(of: ["PhaseModel", "Foundation", "Dispatch"]), "\(file): \(imported.sorted())")
        }
    }

    @Test func onlyTheCLIAndThePipelineImportRender() throws {
        for module in ["PhaseModel", "TextSupport", "Scan", "Score", "TaskNaming"] {
            for (file, imported) in try Self.imports(of: module) { #expect(!imported.contains("Render"), "\(file)") }
        }
    }

    @Test func renderReadsScanOnlyWhereNamed() throws {
        let readers = try Self.imports(of: "Render").filter { $0.value.contains("Scan") }.keys.sorted()
        // The audit view asks the claim phrase scanner whether a text states a figure; the layout
        // line words what layout detection chose. Neither is configuration, the id rule, snapshots,
        // errors, the number lexer or Markdown, which live in PhaseModel and TextSupport.
        #expect(readers == ["Sources/Render/Text/LayoutText.swift", "Sources/Render/Views/AuditViewQuoting.swift"])
    }
}
