import CityBundleS3
import Testing

@Suite("S3 locations")
struct S3LocationTests {
    @Test(
        "Valid s3:// URLs: the prefix is empty or ends in '/'",
        arguments: [
            ("s3://citybundle", "citybundle", ""),
            ("s3://citybundle/", "citybundle", ""),
            ("s3://citybundle/public", "citybundle", "public/"),
            ("s3://citybundle/public/", "citybundle", "public/"),
            ("s3://data.example-1/a/b c/ሴ/", "data.example-1", "a/b c/ሴ/"),
        ])
    func valid(_ url: String, _ bucket: String, _ prefix: String) throws {
        let location = try S3Location(parsing: url)
        #expect(location.bucket == bucket)
        #expect(location.prefix == prefix)
        #expect(location.key("wuhan/latest.json") == prefix + "wuhan/latest.json")
        #expect(location.description == "s3://\(bucket)/\(prefix)")
    }

    @Test(
        "Malformed URLs are refused with the reason",
        arguments: [
            ("https://bucket/prefix", "does not start with s3://"),
            ("bucket/prefix", "does not start with s3://"),
            ("s3://", "bucket name is missing"),
            ("s3:///prefix", "bucket name is missing"),
            ("s3://ab", "3 to 63 characters"),
            ("s3://Upper-Case", "lower-case letters"),
            ("s3://under_score", "lower-case letters"),
            ("s3://-dash", "start and end with a letter or a digit"),
            ("s3://a..b", "must not hold '..'"),
            ("s3://192.168.1.1", "IP address"),
            ("s3://bucket//prefix", "empty segment"),
            ("s3://bucket/a//b/", "empty segment"),
            ("s3://bucket/a/../b", "'..' segment"),
            ("s3://bucket/./b", "'.' segment"),
            ("s3://bucket/a\\b", "backslash"),
        ])
    func invalid(_ url: String, _ reason: String) {
        #expect {
            try S3Location(parsing: url)
        } throws: { error in
            guard let error = error as? S3ConfigurationError, case .invalidLocation(let text, let why) = error else {
                return false
            }
            return text == url && why.contains(reason) && error.description.contains("use s3://bucket/prefix/")
        }
    }
}
