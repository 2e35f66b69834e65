import Foundation
import TextSupport

/// Decides from a file's first bytes which kind of evidence it holds, if any.
public enum EvidenceSniffer {
    /// How many bytes of a file the content checks look at.
    public static let headLength = 8 * 1024

    /// Extensions of files that are never evidence: source code, documents, images, archives. Skipping them
    /// by name keeps discovery from opening every file of a large tree, and keeps a Markdown page that
    /// quotes `go test` output from being read as results.
    static let ignoredExtensions: Set<String> = [
        "md", "markdown", "rst", "adoc", "html", "htm", "css", "scss",
        "swift", "go", "py", "pyi", "js", "jsx", "ts", "tsx", "mjs", "cjs", "java", "kt", "kts", "scala", "rb", "rs",
        "c", "h", "cc", "cpp", "hpp", "m", "mm", "cs", "php", "sh", "bash", "zsh", "ps1", "pl", "pm", "lua", "sql",
        "tpl", "toml", "ini", "cfg", "lock", "mod", "sum", "gradle", "properties", "csv", "tsv", "svg",
        "png", "jpg", "jpeg", "gif", "webp", "ico", "pdf", "zip", "gz", "tgz", "bz2", "xz", "zst", "tar", "jar",
        "war", "class", "o", "a", "so", "dylib", "dll", "exe", "bin", "wasm", "woff", "woff2", "ttf", "otf",
        "mp3", "mp4", "mov", "sqlite", "db", "pack", "idx",
    ]

    /// Whether a file's name allows it to be evidence at all (cheap, decided before opening it).
    public static func mayHoldEvidence(path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return true }
        let ext = name[name.index(after: dot)...].lowercased()
        return !ignoredExtensions.contains(ext)
    }

    /// The kind of evidence `head` (a file's first `headLength` bytes, or all of a shorter file, as
    /// `head(of:)` reads them) holds.
    public static func kind(of head: Data) -> EvidenceKind? {
        // Raw bytes of a UTF-16 file are decoded here too; `head(of:)` has done it already.
        let head = EvidenceTextDecoder.utf8(head, complete: head.count < headLength)
        guard !head.isEmpty, !head.prefix(512).contains(0) else { return nil }
        // An XML document is JUnit or Cobertura by its root element, or nothing phasecert reads.
        if XMLHead.rootName(head) != nil {
            if JUnitParser.sniff(head) { return .junit }
            if CoberturaParser.sniff(head) { return .cobertura }
            return nil
        }
        // Most specific first: a coverprofile's `mode:` line and lcov's `SF:` records cannot be confused
        // with the others; Helm output and `go test -v` are looked for anywhere in the head, so they come last.
        // Each format's marker must appear before its sniffer decodes and splits the head.
        if head.containsBytes(Self.modeMarker), GoCoverprofileParser.sniff(head) { return .goCoverprofile }
        if head.containsBytes(Self.sourceFileMarker), LcovParser.sniff(head) { return .lcov }
        if GoTestParser.sniffJSON(head) { return .goTestJSON }
        if TAPParser.sniff(head) { return .tap }
        if HelmOutputParser.sniff(head) { return .helm }
        if GoTestParser.sniffText(head) { return .goTestText }
        return nil
    }

    private static let modeMarker = Data("mode:".utf8)
    private static let sourceFileMarker = Data("SF:".utf8)

    /// Reads the first `headLength` bytes of the file at `url` as UTF-8 (a UTF-16 file with a byte-order
    /// mark is transcoded, see `EvidenceTextDecoder`); `nil` when it cannot be opened.
    public static func head(of url: URL) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: headLength)) ?? Data()
        guard EvidenceTextDecoder.startsAsUTF16(head) else { return head }
        // Each UTF-16 code unit gives at least one UTF-8 byte, so twice the bytes (and the mark) fill the head.
        let wanted = 2 * headLength + 2
        let raw = head + ((try? handle.read(upToCount: wanted - head.count)) ?? Data())
        return EvidenceTextDecoder.utf8(raw, complete: raw.count < wanted).prefix(headLength)
    }
}

extension EvidenceSniffer {
    /// Why a file that `kind(of:)` did not recognise still looks like lost evidence; `nil` when it is
    /// simply not evidence. `head` is what `head(of:)` read.
    static func unreadReason(head: Data, path: String) -> UnreadEvidence.Reason? {
        let text = EvidenceTextDecoder.utf8(head, complete: head.count < headLength)
        // A root element says what a file is, whatever its name.
        if !text.prefix(512).contains(0), let root = XMLHead.rootName(text) {
            if let format = EvidenceNames.unsupportedXMLRoots[root] { return .unrecognised(.unsupportedXML(root: root, format: format)) }
            if EvidenceNames.readXMLRoots.contains(root) { return .unrecognised(.unexpectedXML(root: root)) }
        }
        guard EvidenceNames.looksLikeEvidence(path) else { return nil }
        if text.isEmpty { return .unrecognised(.empty) }
        if text.prefix(512).contains(0) { return .binary }
        return .unrecognised(.unknown)
    }
}
