import Foundation
import PropertyBased
import Testing
@testable import Scan

/// The hand-written test2json line reader agrees with `JSONDecoder` on every line, good or bad.
struct Test2JSONEventTests {
    func decoded(_ line: String) -> GoTestParser.Event? {
        try? JSONDecoder().decode(GoTestParser.Event.self, from: Data(line.utf8))
    }

    @Test(arguments: [
        #"{"Time":"2026-01-05T10:00:00Z","Action":"output","Package":"p","Test":"T","Output":"a\"b\\c\n\t\u00e9\ud83d\ude00\/"}"#,
        #"{"Action":"pass","Elapsed":0.125,"Package":"p","Extra":{"a":[1,2,{"b":null}],"c":true}}"#,
        #"{"Action":"fail","Elapsed":1.5e-3,"ImportPath":"x [x.test]","FailedBuild":"x"}"#,
        #" { "Action" : "run" , "Test" : null } "#, "{}", #"{"Action":"x","Time":17}"#,
        #"{"Action":"x"#, #"{"Action":5}"#, #"{"Action":"x",}"#, #"{"Action":"x"} trailing"#, #"{"Elapsed":"1"}"#,
        #"{"Action":"\x"}"#, #"{"Action":"\ud800 lone"}"#, #"{"Elapsed":01}"#, "{\"Action\":\"tab\tinside\"}", "[1]", "",
        #"{"Action": "pass", "Test": "TestX", "Elapsed": 0.5}"#, "{\"Action\"\t:\r\n\"run\"}",
        #"{"Elapsed":0.123456789012345678901}"#, #"{"Elapsed":1.50000000000000000000}"#,
    ])
    func agreesWithJSONDecoder(line: String) {
        #expect(GoTestParser.Event(json: line) == decoded(line), "\(line)")
    }

    /// Where JSONDecoder would drop the whole event (`1e999`) or take a figure no run can have (negative,
    /// beyond ten years), the reader keeps the event, so its result counts, without a duration.
    @Test(arguments: [
        ("1e999", "1e999"), ("-1e999", "-1e999"), ("1e-999", "1e-999"), ("-1.5e-3", "-1.5e-3"),
        ("12345678901234567890123", "12345678901234567890123"), ("400000000", "400000000"),
    ])
    func anElapsedNoRunCanHaveKeepsTheEvent(elapsed: String, written: String) throws {
        let event = try #require(GoTestParser.Event(json: #"{"Action":"pass","Test":"TestX","Elapsed":"# + elapsed + "}"))
        #expect(event.Action == "pass")
        #expect(event.Elapsed == nil)
        #expect(event.elapsedUnreadable == written)
    }

    @Test func randomEventsAgreeWithJSONDecoder() async {
        let characters = Array("aZ09 \"\\/\n\té€😀{}[],:\u{1}")
        let text = Gen<Int>.int(in: 0...(characters.count - 1)).array(of: 0...12).map { String($0.map { characters[$0] }) }
        let input = zip(text, text, Gen<Int>.int(in: 0...4), Gen<Int>.int(in: 0...1000))
        await propertyCheck(count: 300, input: input) { output, test, shape, elapsed in
            var object: [String: Any] = ["Action": "output", "Output": output, "Test": test]
            if shape >= 1 { object["Elapsed"] = Double(elapsed) / 1000 }
            if shape >= 2 { object["Other"] = ["nested": [1, "two", ["three": NSNull()]]] }
            if shape >= 3 { object["Package"] = NSNull() }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let line = String(decoding: data, as: UTF8.self)
            #expect(GoTestParser.Event(json: line) == decoded(line), "\(line)")
            #expect(GoTestParser.Event(json: line)?.Output == output)
            // Cut anywhere, the line is malformed for both.
            let cut = String(line.prefix(line.count / 2))
            #expect(GoTestParser.Event(json: cut) == decoded(cut), "\(cut)")
        }
    }
}
