import Testing

@testable import Scan

struct ClaimPhraseDurationTests {
    @Test(arguments: [
        ("4 hours", 4.0), ("4h", 4), ("1.5h", 1.5), ("12hrs", 12), ("2 days", 48), ("1.5 weeks", 252),
        ("30 minutes", 0.5),
        ("4 часа", 4), ("2 дня", 48), ("5 дней", 120), ("3 недели", 504), ("4ч", 4), ("1 час", 1), ("90 мин", 1.5),
        ("45 minutes", 0.75), ("2d", 48),
    ])
    func durationsReadAsHours(span: String, hours: Double) {
        expectPhrases(span, [.init(kind: .duration, text: span, claimed: hours)])
    }

    @Test func labelledDurations() {
        expectPhrases("Duration: 6h", [.init(kind: .duration, text: "6h", subject: "duration", claimed: 6)])
        expectPhrases("Продолжительность: 4 часа", [.init(kind: .duration, text: "4 часа", subject: "продолжительность", claimed: 4)])
        expectPhrases(
            "Duration: 12 hours (target 22h, 45% faster)", [.init(kind: .duration, text: "12 hours", subject: "duration", claimed: 12)])
    }

    @Test(arguments: [
        "1-2 hours", "2–3 дня", "2 hours ago", "3 дня назад", "Fix: 30 minutes", "Исправление: 30 минут",
        "every 5 minutes", "timeout 30 min", "Target: 22h", "22h estimated", "5m", "30s", "50ms", "7-day window",
        "Next 1 hour", "45% faster",
    ])
    func rangesComparisonsAndOtherTimesAreNoDurations(span: String) {
        expectNoPhrases(span)
    }
}
