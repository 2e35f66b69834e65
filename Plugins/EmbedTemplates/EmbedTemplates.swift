import Foundation
import PackagePlugin

/// Compiles the repository's `templates/` folder into the Render module, so the built-in report
/// templates and locale catalogs travel inside the binary and a changed template rebuilds it.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding report templates",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [folder.path(), output.path()],
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
