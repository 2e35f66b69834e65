import Foundation
import PhaseModel

/// Finds stub markers (`TODO`, `FIXME`, `XXX`, `HACK`) in source comments that name a task id.
///
/// Rules:
/// - A marker is one of the four words in any case (`todo`, `Todo`, `fixme`, `xxx`) standing as
///   a whole word: no ASCII letter, digit or `_` on either side. `TODOS`, `todos`, `xxxl`,
///   `HACKED`, `_TODO` are not markers; `TODO:`, `TODO(TN-1)`, `[HACK]`, `TODO-TN-1` are.
/// - Only markers inside comments count: the language's line and block comments (`//`,
///   `/* */` nested where the language nests them, `#`, `--`). A marker in a string literal,
///   a Python docstring included, is code, not a stub.
/// - A marker names the task ids written on its own comment line: after it up to the next
///   marker on that line, and for the first marker on the line also before it
///   (`// TN-099: TODO fix`). An id on another line of the comment does not count, so every
///   marker is reported at the line that names its task. One marker is returned per id,
///   `TODO: TN-099 and TN-100` giving two.
/// - A marker that names no id is not returned: it is not the finding.
/// - Ids are recognised as `TaskIDPattern` does, in any spelling, and canonicalised. That
///   includes lower case, so `todo: handle utf-8` names `UTF-008` under the default prefix
///   pattern; callers should keep only ids of tasks the project has.
/// - A file with a NUL byte is binary and has no markers. Invalid UTF-8 is scanned as is
///   (markers and ids are ASCII) and shows as U+FFFD in `text`.
/// - A path whose language is unknown (`isSource` false) has no markers.
public enum StubMarkerScanner {
    /// Whether a path is source code worth scanning, by file name or extension in any case:
    /// Swift, Go, Python, JavaScript/TypeScript, Java, Kotlin, Scala, Groovy/Gradle, C/C++/ObjC,
    /// C#, Rust, Dart, Ruby, Perl, R, Julia, Elixir, PHP, Lua, shell, PowerShell, YAML, TOML,
    /// Terraform/HCL, SQL, CSS, protobuf, Helm/Go templates, Dockerfile, Makefile, CMake.
    /// Not Markdown, JSON, plain text, HTML or binary formats.
    public static func isSource(path: String) -> Bool {
        CommentSyntax.forPath(path) != nil
    }

    /// Markers in one file's bytes that name a task id, in file order (see the type's rules).
    public static func markers(in data: Data, path: String, ids: TaskIDPattern) -> [StubMarker] {
        guard let syntax = CommentSyntax.forPath(path) else { return [] }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = raw.baseAddress, memchr(base, 0, raw.count) == nil else { return [] }
            var scanner = Scanner(text: bytes, path: path, ids: TaskIDScanner(pattern: ids))
            for body in CommentLexer.comments(in: bytes, syntax: syntax) {
                scanner.scan(comment: body)
            }
            return scanner.result
        }
    }

    static let maximumTextLength = 200

    private struct Found {
        var offset: Int
        var length: Int
        var marker: String
    }

    private struct Scanner {
        let text: UnsafeBufferPointer<UInt8>
        let path: String
        var ids: TaskIDScanner
        var lines: LineTracker
        var result: [StubMarker] = []

        init(text: UnsafeBufferPointer<UInt8>, path: String, ids: TaskIDScanner) {
            self.text = text
            self.path = path
            self.ids = ids
            self.lines = LineTracker(text)
        }

        mutating func scan(comment body: Range<Int>) {
            let found = markers(in: body)
            var first = 0
            while first < found.count {
                // The comment's part of the marker's line.
                var lineStart = found[first].offset
                while lineStart > body.lowerBound && !Byte.isLineEnd(text[lineStart - 1]) { lineStart -= 1 }
                let lineEnd = min(body.upperBound, text.lineEnd(from: found[first].offset))
                var last = first + 1
                while last < found.count && found[last].offset < lineEnd { last += 1 }
                let line = lines.line(at: found[first].offset)
                let commentText = Self.cleaned(text.string(lineStart..<lineEnd))
                for index in first..<last {
                    let marker = found[index]
                    var named: [String] = []
                    if index == first { named = ids.ids(in: text.string(lineStart..<marker.offset)) }
                    let until = index + 1 < last ? found[index + 1].offset : lineEnd
                    for id in ids.ids(in: text.string((marker.offset + marker.length)..<until)) where !named.contains(id) {
                        named.append(id)
                    }
                    for id in named {
                        result.append(StubMarker(file: path, line: line, marker: marker.marker, task: id, text: commentText))
                    }
                }
                first = last
            }
        }

        /// Whole-word marker words in `range`, in order.
        private func markers(in range: Range<Int>) -> [Found] {
            var found: [Found] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = text[index]
                guard Self.isWord(byte) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < range.upperBound && Self.isWord(text[end]) { end += 1 }
                let startsWord = index == 0 || !Self.isWord(text[index - 1])
                if startsWord, let marker = Self.marker(text, range: index..<end) {
                    found.append(Found(offset: index, length: end - index, marker: marker))
                }
                index = end
            }
            return found
        }

        private static let words = ["TODO", "FIXME", "XXX", "HACK"]

        private static func marker(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> String? {
            guard (3...5).contains(range.count) else { return nil }
            for word in words where word.utf8.count == range.count {
                // `| 0x20` lower-cases ASCII letters, and only the two cases of a letter map to it.
                if zip(word.utf8, range).allSatisfy({ $0 | 0x20 == text[$1] | 0x20 }) { return word }
            }
            return nil
        }

        /// ASCII only, so that a marker directly followed by non-ASCII punctuation (`TODO—`)
        /// still counts.
        private static func isWord(_ byte: UInt8) -> Bool {
            Byte.isLetter(byte) || Byte.isDigit(byte) || byte == Byte.underscore
        }

        /// A comment line without its leading delimiters (`///`, ` * `, `#!`) and surrounding
        /// white space, cut to `maximumTextLength` characters.
        private static func cleaned(_ line: String) -> String {
            let delimiters: Set<Character> = ["/", "*", "#", "!"]
            let body = line.drop { $0.isWhitespace || delimiters.contains($0) }
            let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
            return String(trimmed.prefix(maximumTextLength))
        }
    }
}
