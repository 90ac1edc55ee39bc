import CityBundleTesting
import Foundation
import Testing

/// PostGIS sources against a real PostgreSQL on 127.0.0.1 (scripts/test-postgres.sh, which
/// `make test` runs and which these tests start themselves when needed).
@Suite("PostGIS sources", .serialized)
struct PostGISTests {
    static let server: (connection: String, password: String)? = {
        guard case .success(let values) = TestServices.start("test-postgres.sh"),
            let connection = values["CB_TEST_PG"], let password = values["PGPASSWORD"]
        else { return nil }
        return (connection, password)
    }()

    func pipeline(in directory: TemporaryDirectory, connection: String) throws -> String {
        let path = directory.file("postgis.yaml")
        try """
        pipeline: postgis
        title: PostGIS sources
        sources:
          - id: sites
            path: "PG:\(connection)"
            layer: scenic_sites
            kind: scenic_site
            fields: {id: qid, name: name}
          - id: named_buildings
            path: "PG:\(connection)"
            sql: "SELECT gid, building, name, geom FROM osm_buildings_hanyang_sample WHERE name IS NOT NULL"
            kind: building
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String], password: String?) throws -> CommandResult {
        try ExternalCommand.citybundle(
            arguments,
            environment: ["PGPASSFILE": "/nonexistent"].merging(password.map { ["PGPASSWORD": $0] } ?? [:]) {
                $1
            }, unset: password == nil ? ["PGPASSWORD"] : [])
    }

    @Test("a table and an SQL query read through GDAL's PostgreSQL driver, password from the environment")
    func tableAndQuery() throws {
        let server = try #require(Self.server, "the test PostgreSQL did not start (scripts/test-postgres.sh)")
        let directory = TemporaryDirectory()
        let result = try run(
            [
                "run", try pipeline(in: directory, connection: server.connection), "--output", directory.file("out"),
                "--state", directory.file("state"), "--log-format", "json",
            ], password: server.password)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 sources: 46 features read = 46 published + 0 quarantined."))
        let sites = try String(contentsOfFile: directory.file("out/postgis/sites.geojson"), encoding: .utf8)
        #expect(sites.contains(#""id":"Q462372""#))
        let check = try ExternalCommand.validate(
            "check_geojson.sh", [directory.file("out/postgis/named_buildings.geojson")],
            environment: ["EXPECT_COUNT": "10"])
        #expect(check.status == 0, "\(check.stdout)")
        // The password appears nowhere: not in logs, reports or outputs.
        #expect(!result.stderr.contains(server.password) && !result.stdout.contains(server.password))
        for file in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: directory.file(file)))) ?? Data()
            #expect(data.range(of: Data(server.password.utf8)) == nil, "\(file) holds the password")
        }
    }

    @Test("without credentials the run fails with exit 3 and a message naming the source only")
    func noPassword() throws {
        let server = try #require(Self.server, "the test PostgreSQL did not start (scripts/test-postgres.sh)")
        let directory = TemporaryDirectory()
        let result = try run(
            [
                "run", try pipeline(in: directory, connection: server.connection), "--output", directory.file("out"),
                "--state", directory.file("state"),
            ], password: nil)
        #expect(result.status == 3)
        #expect(result.stderr.contains("source 'sites': cannot connect to the database"))
        #expect(!result.stderr.contains("user=bureau"))
    }

    @Test("a password written into the pipeline file is refused before connecting")
    func passwordInFile() throws {
        let server = try #require(Self.server, "the test PostgreSQL did not start (scripts/test-postgres.sh)")
        let directory = TemporaryDirectory()
        let path = try pipeline(in: directory, connection: server.connection + " password=\(server.password)")
        let result = try run(
            ["run", path, "--output", directory.file("out"), "--state", directory.file("state")], password: nil)
        #expect(result.status == 2)
        #expect(result.stderr.contains("PGPASSWORD"))
        #expect(!result.stderr.contains(server.password))
    }
}
