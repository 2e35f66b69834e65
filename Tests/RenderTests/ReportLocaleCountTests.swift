import PhaseModel
import Testing
@testable import Render

/// Every count from 0 to 130 and a set of fractions, against forms written out in full (from
/// CLDR's rules for Russian: one for …1 but not …11, few for …2–…4 but not …12–…14, many for
/// the rest of the whole numbers, other for fractions).
struct ReportLocaleCountTests {
    private static let task: [PluralCategory: String] = [.one: "task", .other: "tasks"]
    private static let задача: [PluralCategory: String] = [.one: "задача", .few: "задачи", .many: "задач", .other: "задачи"]

    static let russian: [String] = [
            "0 задач", "1 задача", "2 задачи", "3 задачи", "4 задачи", "5 задач", "6 задач", "7 задач", "8 задач", "9 задач",
            "10 задач", "11 задач", "12 задач", "13 задач", "14 задач", "15 задач", "16 задач", "17 задач", "18 задач", "19 задач",
            "20 задач", "21 задача", "22 задачи", "23 задачи", "24 задачи", "25 задач", "26 задач", "27 задач", "28 задач", "29 задач",
            "30 задач", "31 задача", "32 задачи", "33 задачи", "34 задачи", "35 задач", "36 задач", "37 задач", "38 задач", "39 задач",
            "40 задач", "41 задача", "42 задачи", "43 задачи", "44 задачи", "45 задач", "46 задач", "47 задач", "48 задач", "49 задач",
            "50 задач", "51 задача", "52 задачи", "53 задачи", "54 задачи", "55 задач", "56 задач", "57 задач", "58 задач", "59 задач",
            "60 задач", "61 задача", "62 задачи", "63 задачи", "64 задачи", "65 задач", "66 задач", "67 задач", "68 задач", "69 задач",
            "70 задач", "71 задача", "72 задачи", "73 задачи", "74 задачи", "75 задач", "76 задач", "77 задач", "78 задач", "79 задач",
            "80 задач", "81 задача", "82 задачи", "83 задачи", "84 задачи", "85 задач", "86 задач", "87 задач", "88 задач", "89 задач",
            "90 задач", "91 задача", "92 задачи", "93 задачи", "94 задачи", "95 задач", "96 задач", "97 задач", "98 задач", "99 задач",
            "100 задач", "101 задача", "102 задачи", "103 задачи", "104 задачи", "105 задач", "106 задач", "107 задач", "108 задач", "109 задач",
            "110 задач", "111 задач", "112 задач", "113 задач", "114 задач", "115 задач", "116 задач", "117 задач", "118 задач", "119 задач",
            "120 задач", "121 задача", "122 задачи", "123 задачи", "124 задачи", "125 задач", "126 задач", "127 задач", "128 задач", "129 задач",
            "130 задач",
    ]

    static let english: [String] = [
            "0 tasks", "1 task", "2 tasks", "3 tasks", "4 tasks", "5 tasks", "6 tasks", "7 tasks", "8 tasks", "9 tasks",
            "10 tasks", "11 tasks", "12 tasks", "13 tasks", "14 tasks", "15 tasks", "16 tasks", "17 tasks", "18 tasks", "19 tasks",
            "20 tasks", "21 tasks", "22 tasks", "23 tasks", "24 tasks", "25 tasks", "26 tasks", "27 tasks", "28 tasks", "29 tasks",
            "30 tasks", "31 tasks", "32 tasks", "33 tasks", "34 tasks", "35 tasks", "36 tasks", "37 tasks", "38 tasks", "39 tasks",
            "40 tasks", "41 tasks", "42 tasks", "43 tasks", "44 tasks", "45 tasks", "46 tasks", "47 tasks", "48 tasks", "49 tasks",
            "50 tasks", "51 tasks", "52 tasks", "53 tasks", "54 tasks", "55 tasks", "56 tasks", "57 tasks", "58 tasks", "59 tasks",
            "60 tasks", "61 tasks", "62 tasks", "63 tasks", "64 tasks", "65 tasks", "66 tasks", "67 tasks", "68 tasks", "69 tasks",
            "70 tasks", "71 tasks", "72 tasks", "73 tasks", "74 tasks", "75 tasks", "76 tasks", "77 tasks", "78 tasks", "79 tasks",
            "80 tasks", "81 tasks", "82 tasks", "83 tasks", "84 tasks", "85 tasks", "86 tasks", "87 tasks", "88 tasks", "89 tasks",
            "90 tasks", "91 tasks", "92 tasks", "93 tasks", "94 tasks", "95 tasks", "96 tasks", "97 tasks", "98 tasks", "99 tasks",
            "100 tasks", "101 tasks", "102 tasks", "103 tasks", "104 tasks", "105 tasks", "106 tasks", "107 tasks", "108 tasks", "109 tasks",
            "110 tasks", "111 tasks", "112 tasks", "113 tasks", "114 tasks", "115 tasks", "116 tasks", "117 tasks", "118 tasks", "119 tasks",
            "120 tasks", "121 tasks", "122 tasks", "123 tasks", "124 tasks", "125 tasks", "126 tasks", "127 tasks", "128 tasks", "129 tasks",
            "130 tasks",
    ]

    @Test func russianCountsFrom0To130() {
        #expect((0...130).map { ReportLocale.ru.counted(Double($0), Self.задача) } == Self.russian)
    }

    @Test func englishCountsFrom0To130() {
        #expect((0...130).map { ReportLocale.en.counted(Double($0), Self.task) } == Self.english)
    }

    @Test(arguments: [
        (0.5, "0,5 задачи", "0.5 tasks"), (1.5, "1,5 задачи", "1.5 tasks"), (2.5, "2,5 задачи", "2.5 tasks"),
        (5.5, "5,5 задачи", "5.5 tasks"), (10.5, "10,5 задачи", "10.5 tasks"), (11.5, "11,5 задачи", "11.5 tasks"),
        (21.5, "21,5 задачи", "21.5 tasks"), (100.5, "100,5 задачи", "100.5 tasks"), (129.9, "129,9 задачи", "129.9 tasks"),
    ] as [(Double, String, String)])
    func fractionsTakeTheOtherForm(value: Double, russian: String, english: String) {
        #expect(ReportLocale.ru.counted(value, Self.задача) == russian)
        #expect(ReportLocale.en.counted(value, Self.task) == english)
    }

    @Test func percentagesFrom0To130() {
        for whole in 0...130 {
            #expect(ReportLocale.ru.percent(Double(whole) + 0.5) == "\(whole),5\u{00A0}%")
            #expect(ReportLocale.en.percent(Double(whole) + 0.5) == "\(whole).5%")
        }
    }
}
