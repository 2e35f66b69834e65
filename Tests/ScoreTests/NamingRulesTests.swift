import PhaseModel
import Testing
@testable import Score

struct NamingRulesTests {
    func findings(folders: [String], title: String? = "Redis StatefulSet", configuration: Configuration = Configuration()) -> [Finding] {
        var task = RulesFixture.task("TN-099", directories: folders)
        task.title = title
        return RulesFixture.findings(RulesFixture.workspace([task]), rule: .namingNoncanonical, configuration: configuration)
    }

    @Test func anUnpaddedIdIsMinorWithTheCanonicalNameSuggested() throws {
        let found = findings(folders: ["tasks/TN-99-redis-statefulset"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .minor)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == "tasks/TN-99-redis-statefulset")
        #expect(finding.line == nil)
        #expect(finding.message.en == "Task folder tasks/TN-99-redis-statefulset is not named canonically: the id is written TN-99, not TN-099. Expected tasks/TN-099-redis-statefulset.")
        #expect(finding.message.ru == "Имя папки задачи tasks/TN-99-redis-statefulset не каноническое: идентификатор записан как TN-99, а не TN-099. Ожидается tasks/TN-099-redis-statefulset.")
        #expect(finding.remediation?.en == "Rename the folder to tasks/TN-099-redis-statefulset with git mv.")
        #expect(finding.remediation?.ru == "Переименуйте папку в tasks/TN-099-redis-statefulset командой git mv.")
    }

    @Test(arguments: [
        ("tasks/tn-099-redis", "tasks/TN-099-redis"),
        ("tasks/TN-099", "tasks/TN-099-redis-statefulset"),
        ("tasks/TN-099-Redis_Set", "tasks/TN-099-redis-set"),
        ("tasks/TN-099-redis-150pct", "tasks/TN-099-redis"),
        ("tasks/TN-099-redis-100-percent", "tasks/TN-099-redis"),
        ("tasks/TN-099-redis-v2-final", "tasks/TN-099-redis"),
        ("tasks/TN-099-redis-done", "tasks/TN-099-redis"),
        ("tasks/TN-099-redis-complete", "tasks/TN-099-redis"),
        ("tasks/phase-13/TN-99-Redis", "tasks/phase-13/TN-099-redis"),
    ])
    func noncanonicalNamesGetTheCanonicalSuggestion(folder: String, expected: String) {
        let found = findings(folders: [folder])
        #expect(found.count == 1)
        #expect(found.first?.message.en.hasSuffix("Expected \(expected).") == true, "\(found.first?.message.en ?? "none")")
    }

    @Test func everyReasonIsListed() {
        let message = findings(folders: ["tasks/tn-99-Redis_Set-150pct"]).first?.message
        #expect(message?.en == "Task folder tasks/tn-99-Redis_Set-150pct is not named canonically: the id is written tn-99, not TN-099; the slug Redis_Set is not lower-case kebab-case; the suffix -150pct states a status, not what the task is. Expected tasks/TN-099-redis-set.")
        #expect(message?.ru == "Имя папки задачи tasks/tn-99-Redis_Set-150pct не каноническое: идентификатор записан как tn-99, а не TN-099; описание Redis_Set не записано строчными буквами через дефис; суффикс -150pct говорит о статусе, а не о содержании задачи. Ожидается tasks/TN-099-redis-set.")
    }

    @Test func aSuffixSuggestsItsSettingAndAnAllowedSuffixIsCanonical() {
        let remediation = findings(folders: ["tasks/TN-099-redis-150pct"]).first?.remediation
        #expect(remediation?.en == "Rename the folder to tasks/TN-099-redis with git mv, or allow the suffix with tasks.allowedSuffixes in phasecert.yml.")
        #expect(remediation?.ru == "Переименуйте папку в tasks/TN-099-redis командой git mv или разрешите суффикс в tasks.allowedSuffixes в phasecert.yml.")
        var configuration = Configuration()
        configuration.tasks.allowedSuffixes = ["-150pct"]
        #expect(findings(folders: ["tasks/TN-099-redis-150pct"], configuration: configuration).isEmpty)
        configuration.tasks.allowedSuffixes = ["final"]
        #expect(findings(folders: ["tasks/TN-099-redis-final"], configuration: configuration).isEmpty)
    }

    @Test func withoutSlugOrTitleThePlaceholderIsSuggested() {
        let message = findings(folders: ["tasks/TN-099"], title: nil).first?.message
        #expect(message?.en.hasSuffix("there is no slug after the id. Expected tasks/TN-099-<slug>.") == true)
        #expect(message?.ru.hasSuffix("после идентификатора нет краткого описания. Ожидается tasks/TN-099-<описание>.") == true)
    }

    @Test(arguments: [
        "tasks/TN-099-redis-statefulset", "tasks/TN-099-redis", "tasks/TN-099-v2-api", "tasks/TN-099-http2",
        "tasks/TN-099-кэш-редис", "tasks/TN-099-percentile-metrics", "tasks/TN-099-done-criteria",
    ])
    func canonicalNamesRaiseNothing(folder: String) {
        #expect(findings(folders: [folder]).isEmpty)
    }

    @Test func aWiderIdIsKeptAsWritten() {
        var task = RulesFixture.task("TN-1234", directories: ["tasks/TN-1234-big"])
        task.title = nil
        #expect(RulesFixture.findings(RulesFixture.workspace([task]), rule: .namingNoncanonical).isEmpty)
    }

    @Test func aTaskWithTwoFoldersIsOneMajorFindingListingBoth() throws {
        let folders = ["tasks/TN-099-redis-statefulset", "tasks/TN-99-redis"]
        let workspace = RulesFixture.workspace([RulesFixture.task("TN-099", directories: folders)])
        let found = RulesFixture.findings(workspace, rule: .namingDuplicateID)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == "tasks/TN-099-redis-statefulset")
        #expect(finding.message.en == "TN-099 has 2 folders: tasks/TN-099-redis-statefulset, tasks/TN-99-redis. Their documents are counted together and only one checklist is read.")
        #expect(finding.message.ru == "У задачи TN-099 несколько папок (2): tasks/TN-099-redis-statefulset, tasks/TN-99-redis. Их документы учитываются вместе, а чек-лист читается только из одной.")
        #expect(RulesFixture.findings(workspace, rule: .namingNoncanonical).map(\.file) == ["tasks/TN-99-redis"])
    }

    @Test func oneFolderIsNoDuplicate() {
        let workspace = RulesFixture.workspace([RulesFixture.task("TN-099", directories: ["tasks/TN-099-redis"])])
        #expect(RulesFixture.findings(workspace, rule: .namingDuplicateID).isEmpty)
    }

    @Test func aListedTaskWithoutFolderIsInfoAtItsMasterListLine() throws {
        let workspace = RulesFixture.workspace([RulesFixture.task("TN-099", line: 7)])
        let finding = try #require(RulesFixture.findings(workspace, rule: .namingMissingDirectory).first)
        #expect(finding.severity == .info)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == RulesFixture.tasksFile)
        #expect(finding.line == 7)
        #expect(finding.message.en == "TN-099 is in the master list but has no folder under tasks/.")
        #expect(finding.message.ru == "Задача TN-099 есть в общем списке, но у неё нет папки в tasks/.")
        #expect(finding.remediation?.en == "Create tasks/TN-099-redis-statefulset with requirements.md, tasks.md.")
    }

    @Test func aTaskKnownOnlyFromItsFolderOrWithAFolderIsNotMissing() {
        let unlisted = TaskRecord(id: "TN-100", directories: ["tasks/TN-100-x"])
        let listed = RulesFixture.task("TN-099", directories: ["tasks/TN-099-x"])
        let fromCommitsOnly = TaskRecord(id: "TN-101")
        let workspace = RulesFixture.workspace([listed, unlisted, fromCommitsOnly])
        #expect(RulesFixture.findings(workspace, rule: .namingMissingDirectory).isEmpty)
    }
}
