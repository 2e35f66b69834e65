import Foundation
import Render
import Scan
import Testing
import TestSupport

/// `phasecert init`: the default configuration and the templates written out, never over a file
/// that exists unless asked.
struct InitCommandTests {
    func text(_ repository: GitRepositoryBuilder, _ file: String) throws -> String {
        try String(contentsOfFile: repository.path + "/" + file, encoding: .utf8)
    }

    @Test func aFreshRepositoryGetsTheDefaultConfigurationWhichScanAccepts() throws {
        let repository = try GitRepositoryBuilder()
        let result = CapturedConsole.run(["init"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "wrote phasecert.yml\n")
        #expect(try text(repository, "phasecert.yml") == DefaultConfiguration.yaml)
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/templates"))
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n")
        _ = try repository.commit("TN-001: parser")
        let scan = CapturedConsole.run(["scan", "--json", "--quiet"], in: repository.path)
        #expect(scan.code == 0, "\(scan.err)")
        #expect(scan.out.contains("\"config\" : \"phasecert.yml\""))
    }

    @Test func anExistingConfigurationIsKeptUnlessForced() throws {
        let repository = try GitRepositoryBuilder()
        #expect(CapturedConsole.run(["init"], in: repository.path).code == 0)
        let edited = DefaultConfiguration.yaml.replacingOccurrences(of: "idWidth: 3", with: "idWidth: 4")
        try repository.write("phasecert.yml", edited)

        let again = CapturedConsole.run(["init"], in: repository.path)
        #expect(again.code == 1)
        #expect(again.out.isEmpty)
        #expect(again.err == """
            phasecert: phasecert.yml already exists; kept as it is
            phasecert: run phasecert init --force to replace it

            """)
        #expect(try text(repository, "phasecert.yml") == edited)

        let forced = CapturedConsole.run(["init", "--force"], in: repository.path)
        #expect(forced.code == 0, "\(forced.err)")
        #expect(try text(repository, "phasecert.yml") == DefaultConfiguration.yaml)
    }

    @Test func configNamesAnotherFileToWrite() throws {
        let repository = try GitRepositoryBuilder()
        let result = CapturedConsole.run(["init", "--config", "config/phasecert.yml"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "wrote config/phasecert.yml\n")
        #expect(try text(repository, "config/phasecert.yml") == DefaultConfiguration.yaml)
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/phasecert.yml"))
    }

    @Test func quietWritesWithoutSayingSo() throws {
        let repository = try GitRepositoryBuilder()
        let result = CapturedConsole.run(["init", "--quiet"], in: repository.path)
        #expect(result.code == 0)
        #expect(result.out.isEmpty && result.err.isEmpty)
        #expect(try text(repository, "phasecert.yml") == DefaultConfiguration.yaml)
    }

    @Test func templatesAreWrittenByteForByte() throws {
        let repository = try GitRepositoryBuilder()
        let result = CapturedConsole.run(["init", "--templates"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        let files = ReportTemplates.builtInFiles
        #expect(files.keys.contains("common/completion.md.mustache"))
        for (path, text) in files {
            let written = FileManager.default.contents(atPath: repository.path + "/templates/" + path)
            #expect(written == Data(text.utf8), "templates/\(path)")
        }
        let listed = result.out.split(separator: "\n").map(String.init)
        #expect(listed == ["wrote phasecert.yml"] + files.keys.sorted().map { "wrote templates/\($0)" })
    }

    @Test func reportsFromCopiedTemplatesAreTheSameBytes() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "- [x] read\n- [ ] write\n")
        _ = try repository.commit("TN-001: parser")
        #expect(CapturedConsole.run(["init"], in: repository.path).code == 0)
        let arguments = ["report", "--phase", "1", "--format", "md,html", "--out"]
        let builtIn = try TemporaryFolder()
        #expect(CapturedConsole.run(arguments + [builtIn.path], in: repository.path).code == 0)

        // phasecert.yml exists already, so it is kept (exit 1) while the templates are written.
        #expect(CapturedConsole.run(["init", "--templates"], in: repository.path).code == 1)
        let copied = try TemporaryFolder()
        #expect(CapturedConsole.run(arguments + [copied.path], in: repository.path).code == 0)

        let before = try ReportFiles.read(builtIn.path)
        #expect(before.keys.contains("phase-1/completion.en.md"))
        #expect(before.keys.contains("phase-1/audit.ru.html"))
        #expect(try ReportFiles.read(copied.path) == before)
    }

    @Test func anEditedTemplateIsKeptOnASecondCopy() throws {
        let repository = try GitRepositoryBuilder()
        #expect(CapturedConsole.run(["init", "--templates"], in: repository.path).code == 0)
        let file = "templates/common/completion.md.mustache"
        try repository.write(file, "# {{title}}\n")
        try repository.remove("templates/common/task.md.mustache")

        let again = CapturedConsole.run(["init", "--templates"], in: repository.path)
        #expect(again.code == 1)
        #expect(again.out == "wrote templates/common/task.md.mustache\n")
        #expect(again.err.contains("phasecert: \(file) already exists; kept as it is\n"))
        #expect(again.err.hasSuffix("phasecert: run phasecert init --templates --force to replace them\n"))
        #expect(try text(repository, file) == "# {{title}}\n")
    }
}
