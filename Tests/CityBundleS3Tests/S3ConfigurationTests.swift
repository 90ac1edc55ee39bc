import CityBundleModel
import CityBundleS3
import Testing

@Suite("S3 configuration from the environment")
struct S3ConfigurationTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    let keys = ["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": Self.secret]

    @Test("AWS by default: us-east-1, https://s3.<region>.amazonaws.com, virtual-hosted")
    func awsDefaults() throws {
        let configuration = try S3Configuration.fromEnvironment(keys)
        #expect(configuration.region == "us-east-1")
        #expect(configuration.endpoint.description == "https://s3.us-east-1.amazonaws.com")
        #expect(configuration.addressingStyle == .virtualHosted)
        #expect(!configuration.isCustomEndpoint)
        #expect(configuration.credentials.sessionToken == nil)

        let regional = try S3Configuration.fromEnvironment(
            keys.merging(["AWS_DEFAULT_REGION": "eu-west-1", "AWS_SESSION_TOKEN": "tok"]) { $1 })
        #expect(regional.region == "eu-west-1")
        #expect(regional.endpoint.description == "https://s3.eu-west-1.amazonaws.com")
        #expect(regional.credentials.sessionToken == "tok")
    }

    @Test("AWS_REGION wins over AWS_DEFAULT_REGION; AWS_ENDPOINT_URL_S3 over AWS_ENDPOINT_URL; custom means path-style")
    func precedence() throws {
        let configuration = try S3Configuration.fromEnvironment(
            keys.merging([
                "AWS_REGION": "default", "AWS_DEFAULT_REGION": "eu-west-1",
                "AWS_ENDPOINT_URL": "http://127.0.0.1:1", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:57480/",
            ]) { $1 })
        #expect(configuration.region == "default")
        #expect(configuration.endpoint.description == "http://127.0.0.1:57480")
        #expect(configuration.endpoint.authority == "127.0.0.1:57480")
        #expect(configuration.addressingStyle == .path)
        #expect(configuration.isCustomEndpoint)

        let general = try S3Configuration.fromEnvironment(
            keys.merging(["AWS_ENDPOINT_URL": "https://minio.example.org", "AWS_ENDPOINT_URL_S3": ""]) { $1 })
        #expect(general.endpoint.description == "https://minio.example.org")
        #expect(general.endpoint.port == nil)
    }

    @Test("Missing credentials name the variables to set")
    func missingCredentials() {
        #expect(throws: S3ConfigurationError.missingCredentials(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])) {
            try S3Configuration.fromEnvironment([:])
        }
        #expect(throws: S3ConfigurationError.missingCredentials(["AWS_SECRET_ACCESS_KEY"])) {
            try S3Configuration.fromEnvironment(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "  "])
        }
        let error = S3ConfigurationError.missingCredentials(["AWS_SECRET_ACCESS_KEY"])
        #expect(error.description.contains("set AWS_SECRET_ACCESS_KEY"))
        #expect(error.exitStatus == .usage)
    }

    @Test(
        "A malformed endpoint names its variable",
        arguments: ["127.0.0.1:9000", "ftp://host", "http://host/path", "http://host?x=1", "http://user:pw@host"])
    func invalidEndpoint(_ value: String) {
        #expect(throws: S3ConfigurationError.invalidEndpoint(variable: "AWS_ENDPOINT_URL", value: value)) {
            try S3Configuration.fromEnvironment(keys.merging(["AWS_ENDPOINT_URL": value]) { $1 })
        }
    }

    @Test("A malformed region names its variable")
    func invalidRegion() {
        #expect(throws: S3ConfigurationError.invalidRegion(variable: "AWS_REGION")) {
            try S3Configuration.fromEnvironment(keys.merging(["AWS_REGION": "eu west/1"]) { $1 })
        }
    }

    @Test("The secret is in no description, dump or error")
    func secretNeverShown() throws {
        let configuration = try S3Configuration.fromEnvironment(
            keys.merging(["AWS_SESSION_TOKEN": "session-token-secret"]) { $1 })
        var dumped = ""
        dump(configuration, to: &dumped)
        let texts = [
            configuration.description, String(describing: configuration), String(reflecting: configuration), dumped,
            S3ConfigurationError.missingCredentials(["AWS_ACCESS_KEY_ID"]).description,
        ]
        for text in texts {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(!text.contains("session-token-secret"), "\(text)")
        }
        #expect(configuration.description.contains("AKIAIOSFODNN7EXAMPLE"))
    }
}
