#if canImport(Glibc)
import Glibc
#endif

/// Stops the process with `message` on standard error when `condition` is false.
///
/// libFuzzer saves the input of any run that dies, so this turns a wrong answer (a count that
/// disagrees with the document the harness wrote) into a crash it can keep and minimise; a plain
/// `assert` would vanish in the release builds the fuzzers use.
public func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    let text = "fuzz check failed: \(message())\n"
    // `write` rather than `fputs(stderr)`: Swift 6 rejects the C global `stderr` as shared mutable state.
    _ = text.withCString { write(2, $0, strlen($0)) }
    abort()
}
