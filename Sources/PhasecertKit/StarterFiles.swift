import Foundation
import PhaseModel
import Render
import Scan
import TextSupport

/// What `init` writes: a commented `phasecert.yml` with every default, and on request the
/// built-in report templates and catalogs under `templates/`.
public struct StarterFiles: Sendable {
    /// A file to write, checked against the boundary it is written within.
    public struct Planned: Sendable {
        public var path: String
        /// Its name relative to the repository when it lies inside it.
        public var shown: String
        var text: String
        var boundary: WriteBoundary

        /// Writes the file atomically.
        public func write() throws {
            do {
                try AtomicFile.write(Data(text.utf8), to: path, within: boundary)
            } catch let error as ContainedWriteError {
                throw error
            } catch {
                throw ReportWriteError(path: shown, reason: error.localizedDescription)
            }
        }
    }

    /// The files to write, in order, and the ones kept because something is already there.
    public struct Plan: Sendable {
        public var writes: [Planned]
        /// Repository-relative names of files that exist and are kept as they are.
        public var kept: [String]
    }

    public var repository: String
    /// Absolute path and contents of each file, `phasecert.yml` first.
    public var files: [(path: String, text: String)]

    /// The configuration file at `configurationPath` (absolute; default `phasecert.yml` in the
    /// repository), and with `templates` every built-in template in path order.
    public init(repository: String, configurationPath: String?, templates: Bool) {
        self.repository = repository
        files = [(configurationPath ?? repository + "/phasecert.yml", DefaultConfiguration.yaml)]
        if templates {
            files += ReportTemplates.builtInFiles.sorted { $0.key < $1.key }.map { (repository + "/templates/" + $0.key, $0.value) }
        }
    }

    /// Which files are written and which kept. Every target is checked before anything is
    /// written: a `templates` link out of the repository stops the run with no file written.
    /// - Parameter force: replace what exists; without it, anything in the way (a file, a
    ///   dangling link, a folder) is kept.
    public func plan(force: Bool) throws -> Plan {
        var plan = Plan(writes: [], kept: [])
        for file in files {
            let shown = DisplayedPath.of(file.path, repository: repository)
            if !force, (try? FileManager.default.attributesOfItem(atPath: file.path)) != nil {
                plan.kept.append(shown)
                continue
            }
            let boundary = WriteBoundary.enclosing((file.path as NSString).deletingLastPathComponent, repository: repository)
            try boundary.check(file.path)
            plan.writes.append(Planned(path: file.path, shown: shown, text: file.text, boundary: boundary))
        }
        return plan
    }
}
