import Foundation
import PackagePlugin

/// Compiles a folder of the repository into a module, so its text files travel inside the binary
/// and a changed file rebuilds the module: `templates/` (report templates and locale catalogs) into
/// Render, `messages/` (the sentences of findings and messages, which reports must not override)
/// into PhaseModel.
@main
struct EmbedTemplates: BuildToolPlugin {
    /// The folder each target embeds and the name of the generated enum that holds it.
    static let embedded: [String: (folder: String, type: String)] = [
        "Render": ("templates", "BuiltInTemplates"),
        "PhaseModel": ("messages", "BuiltInMessages"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let (name, type) = Self.embedded[target.name] else { return [] }
        let folder = context.package.directoryURL.appending(path: name)
        let output = context.pluginWorkDirectoryURL.appending(path: type + ".swift")
        return [
            .buildCommand(
                displayName: "Embedding \(name)/ into \(target.name)",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [folder.path(), output.path(), type],
                inputFiles: Self.files(under: folder),
                outputFiles: [output]
            )
        ]
    }

    /// Every file under `folder`, so editing, adding or removing one reruns the embedder.
    static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
