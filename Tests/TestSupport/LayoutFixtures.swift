import Foundation

/// Repositories in each plan layout phasecert detects by content (Spec Kit, Kiro, flat task
/// files, a master list found anywhere, a feature registry, reports only, the classic
/// `tasks/TASKS.md`), built at test time with commits whose subjects name tasks, ranges of
/// tasks, features and phases. Each doc comment says what the commits should be attributed to.
public enum LayoutFixtures {
    /// Writes `files` and makes the first commit.
    private static func start(_ files: [String: String], message: String = "Initial import") throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try repository.write(path, text) }
        try repository.commit(message)
        return repository
    }

    /// Appends a line to `path` and commits it with `subject`.
    @discardableResult
    private static func change(_ repository: GitRepositoryBuilder, _ path: String, _ subject: String) throws -> String {
        let url = URL(fileURLWithPath: repository.path + "/" + path)
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try repository.write(path, old + "line \(old.split(separator: "\n").count + 1)\n")
        return try repository.commit(subject)
    }

    // MARK: Spec Kit

    public static let specKitAuthTasks = """
        # Tasks: Auth login

        **Input**: Design documents from `/specs/010-auth-login/`

        ## Phase 1: Setup

        - [X] T001 [P] Create project structure in src/auth/
        - [X] T002 Configure linting

        ## Phase 2: User Story 1 - Sign in (Priority: P1)

        - [X] T003 [US1] Implement login endpoint in src/auth/login.py
        - [ ] T004 [US1] Add rate limiting

        """

    public static let specKitBillingTasks = """
        # Tasks: Billing

        ## Phase 1: Setup

        - [x] T001 Create billing module
        - [x] T002 [P] Add invoice model

        ## Phase 2: Exports

        - [ ] T003 Export invoices

        """

    /// `specs/010-auth-login` (T001–T004, three done) and `specs/015-billing` (T001–T003, two
    /// done), both numbering from T001, with a root report claiming `3/3 tasks` of feature 010's
    /// setup.
    ///
    /// Commits: `[F010] Project setup (T001-T002)` → 010/T001, 010/T002; `feat(010): T003 login
    /// endpoint` → 010/T003; `T001 create the module` names no feature → nothing; on branch
    /// `015-billing`: `feat(015): T002 invoice model` → 015/T002, `wip invoices` → nothing of its
    /// own; `Merge branch '015-billing'` → phase 015 with both branch commits; `Phase 2 of feature
    /// 010: T004 rate limiting` → 010/T004; `F010 and F015: T003 shared fixtures` names two
    /// features → both phases, no task.
    public static func specKit() throws -> GitRepositoryBuilder {
        let repository = try start([
            "README.md": "# Shop\n\nFeatures are planned with Spec Kit under specs/.\n",
            "specs/010-auth-login/spec.md": "# Feature Specification: Auth login\n\nUsers sign in with a password.\n",
            "specs/010-auth-login/plan.md": "# Implementation Plan: Auth login\n\n## Summary\n\nA login endpoint.\n",
            "specs/010-auth-login/tasks.md": specKitAuthTasks,
            "specs/015-billing/spec.md": "# Feature Specification: Billing\n\nInvoices for orders.\n",
            "specs/015-billing/tasks.md": specKitBillingTasks,
            "FEATURE-010-REPORT.md": "# Feature 010 report\n\nSetup: 3/3 tasks complete.\n",
        ])
        try change(repository, "src/auth/__init__.py", "[F010] Project setup (T001-T002)")
        try change(repository, "src/auth/login.py", "feat(010): T003 login endpoint")
        try change(repository, "src/billing/__init__.py", "T001 create the module")
        try repository.git(["checkout", "-q", "-b", "015-billing"])
        try change(repository, "src/billing/invoice.py", "feat(015): T002 invoice model")
        try change(repository, "src/billing/invoice.py", "wip invoices")
        try repository.git(["checkout", "-q", "main"])
        try repository.merge(["015-billing"], message: "Merge branch '015-billing'")
        try change(repository, "src/auth/limits.py", "Phase 2 of feature 010: T004 rate limiting")
        try change(repository, "tests/fixtures.py", "F010 and F015: T003 shared fixtures")
        return repository
    }

    // MARK: Kiro

    /// `auth-login`'s checklist: groups `1.` and `2.` over numbered sub-tasks, and `3.` without any.
    /// `nested` indents the sub-tasks under their group; otherwise they follow it at the same level.
    public static func kiroAuthTasks(nested: Bool) -> String {
        let indent = nested ? "  " : ""
        return """
            # Implementation Plan

            - [x] 1. Set up the project
            \(indent)- [x] 1.1 Create module skeleton
            \(indent)  - Write the package layout
            \(indent)  - _Requirements: 1.1, 1.2_
            \(indent)- [x] 1.2 Add configuration
            \(indent)  - _Requirements: 2.1_
            - [ ] 2. Login flow
            \(indent)- [x] 2.1 Implement password check
            \(indent)- [ ] 2.2 Add session cookie
            - [x] 3. Write the docs

            """
    }

    public static func kiroProfileTasks(nested: Bool) -> String {
        let indent = nested ? "  " : ""
        return """
            # Implementation Plan

            - [ ] 1. Profile page
            \(indent)- [ ] 1.1 Render the profile
            \(indent)- [x] 1.2 Edit the profile

            """
    }

    /// `.kiro/specs/auth-login` (1.1, 1.2, 2.1, 2.2, 3) and `.kiro/specs/user-profile` (1.1, 1.2).
    ///
    /// Commits: `feat(auth-login): Task 1.1 module skeleton` → auth-login/1.1; `feat(auth-login):
    /// task 1.2 and task 2.1` → auth-login/1.2 and 2.1; on branch `kiro/user-profile`: `Task 1.2 edit
    /// profile` (no feature: no task); `Merge branch 'kiro/user-profile'` → phase user-profile with
    /// the branch commit; `feat(user-profile): Task 1.2 edit profile` → user-profile/1.2; `Task 2.2
    /// session cookie` names no feature, but only auth-login has a task 2.2 → auth-login/2.2.
    public static func kiro(nested: Bool = true) throws -> GitRepositoryBuilder {
        let repository = try start([
            "README.md": "# Bancho\n\nSpecs live in .kiro/specs.\n",
            ".kiro/specs/auth-login/spec.json": #"{"feature_name": "auth-login", "phase": "tasks-generated"}"# + "\n",
            ".kiro/specs/auth-login/requirements.md": "# Requirements\n\n1. Users sign in.\n",
            ".kiro/specs/auth-login/design.md": "# Design\n\nA session cookie.\n",
            ".kiro/specs/auth-login/tasks.md": kiroAuthTasks(nested: nested),
            ".kiro/specs/user-profile/spec.json": #"{"feature_name": "user-profile"}"# + "\n",
            ".kiro/specs/user-profile/tasks.md": kiroProfileTasks(nested: nested),
            "AUTH-LOGIN-REPORT.md": "# auth-login report\n\nSet up: 3/3 tasks complete.\n",
        ])
        try change(repository, "src/auth.ts", "feat(auth-login): Task 1.1 module skeleton")
        try change(repository, "src/config.ts", "feat(auth-login): task 1.2 and task 2.1")
        try repository.git(["checkout", "-q", "-b", "kiro/user-profile"])
        try change(repository, "src/profile.ts", "Task 1.2 edit profile")
        try repository.git(["checkout", "-q", "main"])
        try repository.merge(["kiro/user-profile"], message: "Merge branch 'kiro/user-profile'")
        try change(repository, "src/profile.ts", "feat(user-profile): Task 1.2 edit profile")
        try change(repository, "src/session.ts", "Task 2.2 session cookie")
        return repository
    }

    // MARK: Flat task files

    public static let flatIndex = """
        # Task index

        ## Phase 1: Foundation

        - [x] [T-001](T-001-project-setup.md) Project setup
        - [ ] [T-002](T-002-config-loading.md) Config loading

        ## Phase 2: Features

        - [x] [T-003](T-003-search.md) Search
        - [ ] [T-004](T-004-export.md) Export
        - [ ] [T-005](T-005-import.md) Import

        """

    /// `docs/tasks/INDEX.md` listing T-001…T-005 with a file per task beside it and
    /// `docs/tasks/state.conf` saying T-002 completed and T-003 in progress (against the index's
    /// boxes). Each task file's acceptance criteria are all checked.
    ///
    /// Commits: `T-001: project setup` → T-001; `Implement T-002–T-004` → T-002, T-003, T-004;
    /// `Phase 2: polish search` → phase 2; `T-005 import` → T-005.
    public static func flatFiles() throws -> GitRepositoryBuilder {
        var files = [
            "README.md": "# Tool\n\nTasks are in docs/tasks.\n",
            "docs/tasks/INDEX.md": flatIndex,
            "docs/tasks/state.conf": "# id|state|date\nT-002|completed|2025-11-26\nT-003|in_progress|\n",
            "PHASE-1-REPORT.md": "# Phase 1 report\n\nFoundation: 3/3 tasks complete.\n",
        ]
        for (id, slug) in [("T-001", "project-setup"), ("T-002", "config-loading"), ("T-003", "search"),
                           ("T-004", "export"), ("T-005", "import")] {
            files["docs/tasks/\(id)-\(slug).md"] = """
                # \(id): \(slug.replacingOccurrences(of: "-", with: " "))

                ## Acceptance criteria

                - [x] It works
                - [x] It is tested

                """
        }
        let repository = try start(files)
        try change(repository, "src/setup.go", "T-001: project setup")
        try change(repository, "src/config.go", "Implement T-002–T-004")
        try change(repository, "src/search.go", "Phase 2: polish search")
        try change(repository, "src/import.go", "T-005 import")
        return repository
    }

    // MARK: A master list anywhere

    public static let roadmap = """
        # Roadmap v2

        ## Phase 1: Foundation

        - [x] **TN-001** Repository skeleton
        - [x] **TN-002** CI pipeline

        ## Phase 2: Storage

        - [x] **TN-003** Schema migrations
        - [ ] **TN-004** Backups

        """

    /// A report at the root naming many more task ids under phase headings than the roadmap lists.
    public static var auditReport: String {
        var text = "# Phase 4 audit report\n\nPhase 1: 3/3 tasks complete.\n"
        for phase in 1...4 {
            text += "\n## Phase \(phase): Review\n\n"
            for number in (phase - 1) * 6 + 1...phase * 6 {
                text += "- ✅ **TN-\(String(format: "%03d", number))** reviewed\n"
            }
        }
        return text
    }

    /// `docs/plan/v2/ROADMAP.md` (TN-001…TN-004 in phases 1 and 2) and `PHASE-4-AUDIT-REPORT.md`
    /// at the root naming TN-001…TN-024 under four phase headings; no `tasks/` folder.
    ///
    /// Commits: `TN-001 skeleton` → TN-001; `TN-002: CI` → TN-002; `Schema TN-003–TN-004` → TN-003,
    /// TN-004; `Phase 2: storage tuning` → phase 2.
    public static func masterListAnywhere() throws -> GitRepositoryBuilder {
        let repository = try start([
            "README.md": "# Service\n\nThe plan is docs/plan/v2/ROADMAP.md.\n",
            "docs/plan/v2/ROADMAP.md": roadmap,
            "PHASE-4-AUDIT-REPORT.md": auditReport,
        ])
        try change(repository, "src/main.rs", "TN-001 skeleton")
        try change(repository, ".ci.yml", "TN-002: CI")
        try change(repository, "src/schema.rs", "Schema TN-003–TN-004")
        try change(repository, "src/storage.rs", "Phase 2: storage tuning")
        return repository
    }

    // MARK: A feature registry without phases

    /// `docs/FEATURES.md`: a table `| F001 | Name | Status |` with DONE and IN_PROGRESS states.
    /// Commits: `F002: search backend` → F002.
    public static func featureRegistry() throws -> GitRepositoryBuilder {
        let repository = try start([
            "docs/FEATURES.md": """
                # Features

                | ID | Name | Status |
                |----|------|--------|
                | F001 | Login | DONE |
                | F002 | Search | IN_PROGRESS |
                | F003 | Export | DONE |

                """,
        ])
        try change(repository, "src/search.kt", "F002: search backend")
        return repository
    }

    // MARK: Reports only

    /// No plan: a README and a summary report at the root, with a few commits.
    public static func reportsOnly() throws -> GitRepositoryBuilder {
        let repository = try start([
            "README.md": "# Library\n\nA small library.\n",
            "FINAL-SUMMARY.md": "# Final summary\n\nAll work is done: 2 commits, 3/3 tasks complete.\n",
        ])
        try change(repository, "src/lib.c", "Add the library")
        return repository
    }

    // MARK: Classic

    /// The conventional `tasks/TASKS.md` with task folders, and a bigger roadmap elsewhere that
    /// content detection would otherwise prefer.
    public static func classic() throws -> GitRepositoryBuilder {
        var roadmap = "# Roadmap\n\n"
        for phase in 1...3 {
            roadmap += "\n## Phase \(phase): Later\n\n"
            for number in 1...5 { roadmap += "- [ ] **RM-\(phase)0\(number)** Idea\n" }
        }
        let repository = try start([
            "tasks/TASKS.md": "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n- [ ] **TN-002** Printer\n",
            "tasks/TN-001-parser/requirements.md": "# Parser\n\n- Reads input.\n",
            "tasks/TN-001-parser/tasks.md": "- [x] read\n- [x] report errors\n",
            "docs/ROADMAP.md": roadmap,
        ])
        try change(repository, "src/parser.swift", "TN-001: parser")
        try change(repository, "src/parser.swift", "Phase 1: parser tuning")
        return repository
    }
}
