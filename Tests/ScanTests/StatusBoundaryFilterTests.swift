import Foundation
import PropertyBased
import Testing
@testable import Scan

/// The quick test before the status-boundary expression never skips a text it would cut.
struct StatusBoundaryFilterTests {
    /// Pieces of titles: each piece the expression's alternatives are made of, alone and in
    /// words, beside plain words, spaces and other scripts' digits.
    static let pieces = [
        " ", "-", "–", "—", "|", "%", "/", ".", ",", "1", "42", "2025", "٣", "۲", "a", "Redis", "cache", "(", ")",
        "COMPLETE", "COMPLETED", "DONE", "IN PROGRESS", "IN_PROGRESS", "BLOCKED", "DEFERRED", "PENDING", "TODO",
        "WIP", "PARTIAL", "FAILED", "READY", "ЗАВЕРШЕНО", "ГОТОВО", "В РАБОТЕ", "Grade", "Оценка", "Задача", "✅", "\t",
    ]

    @Test func aTextTheFilterSkipsHasNoBoundary() async throws {
        let boundary = try #require(StatusText.boundary)
        await propertyCheck(count: 3_000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let matches = boundary.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if matches { #expect(StatusText.mayHaveBoundary(text), "\(text)") }
        }
    }

    @Test(arguments: ["Validate config silence", "Redis (HA)", "alert(x)", "Задача без статуса", "Retry payload template"])
    func aPlainTitleSkipsTheExpression(_ title: String) {
        #expect(!StatusText.mayHaveBoundary(title))
        #expect(StatusText.split(title).name == title)
    }

    @Test(arguments: [
        ("Redis ✅ COMPLETE", "Redis"), ("Cache — done", "Cache"), ("Sync 3/4", "Sync"), ("Deploy ١٢%", "Deploy"),
        ("Отчёт ГОТОВО", "Отчёт"), ("API 2025-01-02", "API"),
    ])
    func aTitleWithAMarkerIsStillCut(_ title: String, _ name: String) {
        #expect(StatusText.mayHaveBoundary(title))
        #expect(StatusText.split(title).name == name)
    }
}
