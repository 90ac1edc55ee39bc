import CityBundleTesting
import Foundation
import Testing

/// The systemd units and cron example in deploy/ are what the README tells operators to install.
@Suite("Deployment files")
struct DeploymentTests {
    let deploy = Fixtures.packageRoot + "/deploy"

    @Test("systemd-analyze verify accepts the service and timer (with the binary path pointed at this build)")
    func systemdUnits() throws {
        let directory = TemporaryDirectory()
        let service = try String(contentsOfFile: "\(deploy)/citybundle.service", encoding: .utf8)
        #expect(service.contains("ExecStart=/usr/local/bin/citybundle run"))
        try service.replacingOccurrences(of: "/usr/local/bin/citybundle", with: Fixtures.citybundleBinary)
            .write(toFile: directory.file("citybundle.service"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: "\(deploy)/citybundle.timer", toPath: directory.file("citybundle.timer"))
        let result = try ExternalCommand.run(
            "systemd-analyze",
            ["verify", "--man=no", directory.file("citybundle.service"), directory.file("citybundle.timer")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("the service's command line is one citybundle accepts")
    func commandLine() throws {
        let service = try String(contentsOfFile: "\(deploy)/citybundle.service", encoding: .utf8)
        let start = try #require(service.range(of: "ExecStart="))
        let rest = service[start.upperBound...]
        var command = ""
        for line in rest.split(separator: "\n", omittingEmptySubsequences: false) {
            command += line.hasSuffix("\\") ? String(line.dropLast()) : String(line)
            if !line.hasSuffix("\\") { break }
        }
        let words = command.split(whereSeparator: { $0 == " " }).map(String.init)
        #expect(words.first == "/usr/local/bin/citybundle")
        // Parse the same options with --help appended: an unknown option would exit 2.
        let result = try ExternalCommand.citybundle(Array(words.dropFirst()) + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("the cron example runs the same command every night")
    func cron() throws {
        let cron = try String(contentsOfFile: "\(deploy)/crontab.example", encoding: .utf8)
        let entry = try #require(cron.split(separator: "\n").first { $0.first?.isNumber == true })
        #expect(entry.split(separator: " ").count > 5)
        #expect(entry.contains("citybundle run /etc/citybundle/wuhan.yaml"))
        #expect(entry.contains("--log-format json"))
    }
}

/// The benchmark runners that `make bench` and the serve comparison use are valid bash.
@Suite("Benchmark scripts")
struct BenchmarkScriptTests {
    @Test("bash -n accepts them", arguments: ["run.sh", "serve.sh"])
    func syntax(script: String) throws {
        let result = try ExternalCommand.run("/bin/bash", ["-n", "\(Fixtures.packageRoot)/Benchmarks/\(script)"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
