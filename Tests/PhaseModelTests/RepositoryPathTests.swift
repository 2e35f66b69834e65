import PhaseModel
import PropertyBased
import Testing

/// A path loses exactly the `./` segments it starts with, as each reader once removed them itself.
struct RepositoryPathTests {
    /// The loop the readers each had before.
    static func reference(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// Pieces that make leading dots, slashes and the characters that join onto them.
    static let pieces = [".", "/", "./", "../", "..", "a", "src/a.swift", "~", " ", "\u{301}", "é", "\\"]

    static let paths = Gen<Int>.int(in: 0...(pieces.count - 1)).array(of: 0...8).map { $0.map { pieces[$0] }.joined() }

    @Test func onlyTheLeadingCurrentFolderSegmentsGo() async {
        await propertyCheck(count: 3_000, input: Self.paths, Gen<Int>.int(in: 0...3)) { path, extra in
            let trimmed = RepositoryPath.trimmingCurrentFolder(path)
            #expect(String(trimmed) == Self.reference(path), "\(path)")
            #expect(!trimmed.hasPrefix("./"), "\(path)")
            #expect(RepositoryPath.trimmingCurrentFolder(trimmed) == trimmed, "\(path)")
            #expect(path.hasSuffix(trimmed), "\(path)")
            // A combining mark joins the `/` before it into one character, which is no `/`.
            guard trimmed.unicodeScalars.first?.properties.generalCategory != .nonspacingMark else { return }
            let prefixed = String(repeating: "./", count: extra) + path
            #expect(RepositoryPath.trimmingCurrentFolder(prefixed) == trimmed, "\(prefixed)")
        }
    }

    @Test func writtenForms() {
        #expect(RepositoryPath.trimmingCurrentFolder("./src/a.swift") == "src/a.swift")
        #expect(RepositoryPath.trimmingCurrentFolder("././charts/") == "charts/")
        #expect(RepositoryPath.trimmingCurrentFolder("./") == "")
        #expect(RepositoryPath.trimmingCurrentFolder(".") == ".")
        #expect(RepositoryPath.trimmingCurrentFolder("../a") == "../a")
        #expect(RepositoryPath.trimmingCurrentFolder("a/./b") == "a/./b")
        #expect(RepositoryPath.trimmingCurrentFolder(".//a") == "/a")
    }
}
