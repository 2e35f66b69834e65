import Foundation
import PhaseModel
import Testing
@testable import Scan

/// The git reader's findings and errors read as they did before they moved to the catalogs
/// (`messages/*/scan-git.yml`): the Russian findings are in phase.json, so in certification ids.
struct GitFindingsTests {
    @Test func gitFindingsReadTheSameInBothLanguages() {
        let commits = 7
        var f = GitFindings.shallow(commits: commits)
        #expect(f.message.en == "The repository is a shallow clone: only \(commits) commits are present, so git figures cover part of the history.")
        #expect(f.message.ru == "Репозиторий — неполный клон: в нём только \(commits) коммитов, поэтому данные git охватывают часть истории.")
        #expect(f.remediation?.en == "Fetch the full history (git fetch --unshallow) before certifying a phase.")
        #expect(f.remediation?.ru == "Загрузите полную историю (git fetch --unshallow) перед сертификацией фазы.")
        f = GitFindings.noRepository()
        #expect(f.message.en == "No git repository was found: commit counts and lines changed have no evidence.")
        #expect(f.message.ru == "Репозиторий git не найден: для числа коммитов и изменённых строк нет данных.")
        #expect(f.remediation?.en == "Run phasecert inside the repository's work tree, or pass --repo.")
        #expect(f.remediation?.ru == "Запустите phasecert в рабочем каталоге репозитория или укажите --repo.")
        let error = GitError(code: -3, message: "object not found")
        for child in [nil, "abc123"] as [String?] {
            f = GitFindings.unreadableCommit("def456", child: child, error: error)
            let via = child.map { " (parent of \($0))" } ?? ""
            let viaRu = child.map { " (родитель \($0))" } ?? ""
            #expect(f.message.en == "Commit def456\(via) could not be read: object not found. The history behind it is not counted.")
            #expect(f.message.ru == "Не удалось прочитать коммит def456\(viaRu): object not found. История за ним не учтена.")
            #expect(f.remediation?.en == "Run git fsck and restore the missing objects, for example by fetching them again.")
            #expect(f.remediation?.ru == "Запустите git fsck и восстановите недостающие объекты, например загрузив их заново.")
        }
        f = GitFindings.unreadableStats("d1", message: "bad")
        #expect(f.message.en == "The changes of commit d1 could not be read: bad. Its files and lines are not counted.")
        #expect(f.message.ru == "Не удалось прочитать изменения коммита d1: bad. Его файлы и строки не учтены.")
        for paths in [["a"], ["a", "b"], (1...8).map { "p\($0)" }] {
            f = GitFindings.unreadableFiles("id", paths: paths)
            let shown = paths.prefix(5).joined(separator: ", ")
            let more = paths.count - min(paths.count, 5)
            let moreEn = more > 0 ? " and \(more) more" : ""
            let moreRu = more > 0 ? " и ещё \(more)" : ""
            let filesEn = paths.count == 1 ? "file" : "files"
            #expect(f.message.en == "The lines of \(paths.count) \(filesEn) changed by commit id could not be counted, for a blob missing or damaged: \(shown)\(moreEn). Its other files are counted; its lines, and those of its tasks, are at least the figures shown.")
            #expect(f.message.ru == "Строки файлов, изменённых коммитом id, не удалось посчитать из-за недоступного или повреждённого объекта (\(paths.count)): \(shown)\(moreRu). Остальные его файлы учтены; его строки и строки его задач — не меньше показанных.")
        }
    }

    @Test func errorsOfReadingObjectsReadTheSame() {
        #expect(RevisionExportError(revision: "v1", problem: .notARepository(path: "/x")).description == "v1: /x is not a git repository")
        #expect(RevisionExportError(revision: "v1", problem: .unsafePath("..")).description == "v1: its tree holds '..', which is not a safe path to write")
        #expect(RevisionExportError(revision: "v1", problem: .unwritable(path: "a", reason: "b")).description == "v1: cannot write a (b)")
        #expect(RevisionExportError(revision: "v1", problem: .ambiguous).description == "v1: ambiguous revision: the short id names several objects; give more digits")
        #expect(LooseObjectBackend.Damage.impossibleSize.reason == "size in its header is impossible")
        #expect(LooseObjectBackend.Damage.badHeader.reason == "bad header")
    }
}
