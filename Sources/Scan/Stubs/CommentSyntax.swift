/// How one language writes comments, and the literals that can hold text that looks like a
/// comment opener (`"http://x"`, `"# not a comment"`) and must be skipped.
///
/// Deliberately approximate: enough lexing to tell comments from strings, not to parse. Where
/// a guess can go wrong, literals end at the line end, so one stray quote costs one line.
struct CommentSyntax: Sendable {
    enum Block: Sendable, Equatable {
        case flat
        /// Swift, Rust, Kotlin, Scala, Dart: `/* /* */ */` is one comment.
        case nested
    }

    /// Where `#` starts a comment.
    enum Hash: Sendable, Equatable {
        /// Python, Ruby, TOML, Make: anywhere outside a literal.
        case anywhere
        /// Shell, Dockerfile: at the start of a word, so not in `$#`, `${#a}` or `a#b`.
        case wordStart
        /// YAML: at the line start or after white space, so not in `a#b`.
        case afterSpace
    }

    /// Where a quote opens a literal.
    enum QuoteRule: Sendable, Equatable {
        case anywhere
        /// YAML: only where a value starts; the apostrophe in a plain `don't` is text.
        case valueStart
    }

    struct Quote: Sendable {
        var byte: UInt8
        /// A backslash keeps the next byte from closing the literal.
        var escapes = true
        /// The literal may span lines (template literals, Go raw strings).
        var multiline = false
        /// Three quotes open a multi-line literal closed by three (`"""`, `'''`).
        var triple = false
    }

    var slashes = false
    var block: Block?
    var hash: Hash?
    /// `--` line comments (SQL, Lua).
    var dashes = false
    var quotes: [Quote] = []
    var quoteRule = QuoteRule.anywhere
    /// `#"…"#` raw strings (Swift; Rust's `r#"…"#` too).
    var rawHashes = false
    /// Rust: `'a'` is a character literal but `'a` a lifetime, which never closes.
    var rustCharacters = false
}

extension CommentSyntax {
    private static let double = Quote(byte: Byte.doubleQuote)
    private static let single = Quote(byte: Byte.singleQuote)
    private static let tripleDouble = Quote(byte: Byte.doubleQuote, triple: true)
    private static let tripleSingle = Quote(byte: Byte.singleQuote, triple: true)

    static let c = CommentSyntax(slashes: true, block: .flat, quotes: [double, single])
    static let java = CommentSyntax(slashes: true, block: .flat, quotes: [tripleDouble, single])
    static let groovy = CommentSyntax(slashes: true, block: .flat, quotes: [tripleDouble, tripleSingle])
    static let javaScript = CommentSyntax(
        slashes: true, block: .flat, quotes: [double, single, Quote(byte: Byte.backtick, multiline: true)])
    static let go = CommentSyntax(
        slashes: true, block: .flat, quotes: [double, single, Quote(byte: Byte.backtick, escapes: false, multiline: true)])
    static let swift = CommentSyntax(slashes: true, block: .nested, quotes: [tripleDouble], rawHashes: true)
    static let kotlin = CommentSyntax(slashes: true, block: .nested, quotes: [tripleDouble, single])
    static let dart = CommentSyntax(slashes: true, block: .nested, quotes: [tripleDouble, tripleSingle])
    static let rust = CommentSyntax(slashes: true, block: .nested, quotes: [double], rawHashes: true, rustCharacters: true)
    static let css = CommentSyntax(block: .flat, quotes: [double, single])
    static let python = CommentSyntax(hash: .anywhere, quotes: [tripleDouble, tripleSingle])
    static let ruby = CommentSyntax(hash: .anywhere, quotes: [double, single])
    static let make = CommentSyntax(hash: .anywhere)
    static let shell = CommentSyntax(hash: .wordStart, quotes: [double, Quote(byte: Byte.singleQuote, escapes: false)])
    static let yaml = CommentSyntax(
        hash: .afterSpace, quotes: [double, Quote(byte: Byte.singleQuote, escapes: false)], quoteRule: .valueStart)
    static let hcl = CommentSyntax(slashes: true, block: .flat, hash: .anywhere, quotes: [double])
    static let php = CommentSyntax(slashes: true, block: .flat, hash: .anywhere, quotes: [double, single])
    static let sql = CommentSyntax(
        block: .flat, dashes: true,
        quotes: [Quote(byte: Byte.doubleQuote, escapes: false), Quote(byte: Byte.singleQuote, escapes: false)])
    static let lua = CommentSyntax(dashes: true, quotes: [double, single])
    /// Helm and Go templates: `{{/* … */}}`; anything else is text.
    static let template = CommentSyntax(block: .flat)

    private static let byExtension: [String: CommentSyntax] = {
        var table: [String: CommentSyntax] = [:]
        func add(_ syntax: CommentSyntax, _ extensions: String...) { for ext in extensions { table[ext] = syntax } }
        add(.c, "c", "h", "cc", "cpp", "cxx", "c++", "hpp", "hh", "hxx", "h++", "m", "mm", "cs", "proto", "zig", "scss", "less")
        add(.java, "java")
        add(.groovy, "groovy", "gradle", "jenkinsfile")
        add(.javaScript, "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte")
        add(.go, "go")
        add(.swift, "swift")
        add(.kotlin, "kt", "kts", "scala", "sc")
        add(.dart, "dart")
        add(.rust, "rs")
        add(.css, "css")
        add(.python, "py", "pyi", "pyw", "toml")
        add(.ruby, "rb", "rake", "gemspec", "pl", "pm", "r", "jl", "ex", "exs", "nim", "cr", "ps1", "psm1", "cmake")
        add(.make, "mk", "mak")
        add(.shell, "sh", "bash", "zsh", "ksh", "fish", "dockerfile", "containerfile")
        add(.yaml, "yaml", "yml")
        add(.hcl, "tf", "tfvars", "hcl")
        add(.php, "php")
        add(.sql, "sql")
        add(.lua, "lua")
        add(.template, "tpl", "gotmpl")
        return table
    }()

    private static let byName: [String: CommentSyntax] = [
        "dockerfile": .shell, "containerfile": .shell, "makefile": .make, "gnumakefile": .make,
        "jenkinsfile": .groovy, "gemfile": .ruby, "rakefile": .ruby, "vagrantfile": .ruby,
        "cmakelists.txt": .ruby, "podfile": .ruby, "brewfile": .ruby,
    ]

    /// The syntax for a file, by its name or extension (any case), or nil when it is not source
    /// code this scanner understands (Markdown, JSON, images, …).
    static func forPath(_ path: String) -> CommentSyntax? {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if let known = byName[name] { return known }
        // `Dockerfile.prod`, `Containerfile.dev`.
        if name.hasPrefix("dockerfile.") || name.hasPrefix("containerfile.") { return .shell }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return byExtension[String(name[name.index(after: dot)...])]
    }
}
