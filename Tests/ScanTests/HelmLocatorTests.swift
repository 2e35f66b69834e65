import Foundation
import Testing
import TestSupport
@testable import Scan

struct HelmLocatorTests {
    @Test func executableIsTheFirstRunnableHelmOnAbsolutePathEntries() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("dir/helm")  // a folder named helm
        try folder.write("plain/helm", "not executable")
        let good = try folder.write("bin/helm", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: good)
        try folder.write("later/helm", "#!/bin/sh\n")

        let path = ["", "relative/bin", "\(folder.path)/dir", "\(folder.path)/plain", "\(folder.path)/bin", "\(folder.path)/later"]
            .joined(separator: ":")
        #expect(HelmLocator.executable(path: path)?.path == good)
        #expect(HelmLocator.executable(path: "\(folder.path)/plain:\(folder.path)/dir") == nil)
        #expect(HelmLocator.executable(path: nil) == nil)
        #expect(HelmLocator.executable(path: "") == nil)
    }

    @Test func chartDirectoriesSkipSubchartsInChartsFolders() {
        let paths = [
            "Chart.yaml", "charts/db/Chart.yaml", "charts/db/templates/x.yaml",  // the root chart and its subchart
            "deploy/web/Chart.yaml", "deploy/web/charts/cache/Chart.yaml", "deploy/web/charts/cache/charts/x/Chart.yaml",
            "./deploy/api/Chart.yaml", "deploy/api/examples/demo/Chart.yaml",  // not in charts/: a chart of its own
            "deploy/api/Chart.yaml", "docs/Chart.yaml.md", "other/NotChart.yaml", "tools/charts/Chart.yaml",
        ]
        #expect(
            HelmLocator.chartDirectories(in: paths) == [
                ".", "deploy/api", "deploy/api/examples/demo", "deploy/web", "tools/charts",
            ])
        // A top-level `charts/` folder of a repository that is no chart holds real charts.
        #expect(HelmLocator.chartDirectories(in: ["charts/a/Chart.yaml", "charts/b/Chart.yaml", "README.md"]) == ["charts/a", "charts/b"])
        #expect(HelmLocator.chartDirectories(in: []) == [])
    }
}
