import Testing
@testable import Scan

/// What a file count of a report's line counts, as the text around it writes it.
struct FileCountReferenceTests {
    @Test func aLabelledCountOfChangedFilesSaysSo() {
        let reference = FileCountReference.of("Files Changed: 20", line: "- **Files Changed**: 20 (18 modified + 2 new test files)")
        #expect(reference?.scope == .changed)
        #expect(reference?.saysChanged == true)
        #expect(reference?.isPart == false)
    }

    @Test func aCountBeforeAFileNameIsOfThatName() {
        let line = "Изменено 17 файлов: 4 logger.py, 7 модулей, 2 Dockerfile"
        #expect(FileCountReference.of("файлов: 4", line: line)?.name == "logger.py")
        #expect(FileCountReference.of("17 файлов", line: line)?.scope == .changed)
    }

    @Test func aQualifiedCountNamesItsKind() {
        let line = "- **Files Changed**: 20 (18 modified + 2 new test files)"
        let reference = FileCountReference.of("2 new test files", line: line)
        #expect(reference?.scope == .tests)
        #expect(reference?.createdOnly == true)
        #expect(reference?.isPart == true)
    }

    @Test func aSmallerCountBesideALargerOneIsAPart() {
        let line = "Replaced the logger in api (5 files) and worker (2 files)"
        #expect(FileCountReference.of("2 files", line: line)?.isPart == true)
        #expect(FileCountReference.of("5 files", line: line)?.isPart == false)
    }

    @Test func aCountUnderALabelOfItsOwnIsAPart() {
        #expect(FileCountReference.of("4 файла", line: "- Типы: 4 файла")?.isPart == true)
        #expect(FileCountReference.of("24 файла", line: "**Изменения**: 24 файла (20 modified + 4 new)")?.isPart == false)
    }

    @Test func deliverablesAreNoChangedFiles() {
        #expect(FileCountReference.of("4 deliverables", line: "- 4 deliverables") == nil)
    }
}
