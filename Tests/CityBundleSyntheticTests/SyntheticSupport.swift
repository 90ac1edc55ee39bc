import CityBundleSynthetic
import CityBundleTesting
import Foundation

/// Generated cities shared by the tests, and readers of what was written.
enum Synthetic {
    /// Writes a city of `buildings` buildings from `seed` into a fresh temporary directory.
    static func city(buildings: Int, seed: UInt64) throws -> (TemporaryDirectory, SyntheticCitySummary) {
        let directory = TemporaryDirectory("citybundle-synthetic")
        let summary = try SyntheticCity(buildings: buildings, seed: seed).write(to: directory.path)
        return (directory, summary)
    }

    /// The features of a written GeoJSON file, parsed with Foundation's JSON reader.
    static func features(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["features"] as? [[String: Any]] ?? []
    }

    /// The whole top-level object of a written GeoJSON file.
    static func collection(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Runs a GDAL utility (ogrinfo, gdaltransform) found on PATH.
    static func gdal(_ tool: String, _ arguments: [String], stdin: String? = nil) throws -> CommandResult {
        try ExternalCommand.run(tool, arguments, stdin: stdin)
    }
}

/// Checks of planted personal data, written independently of the generator.
enum PersonalDataPatterns {
    /// Every 11-digit mainland mobile number (`1[3-9]` and nine digits) not inside a longer digit run.
    static func mobileNumbers(in text: String) -> [String] {
        digitRuns(in: text).filter { run in
            run.count == 11 && run.first == "1" && ("3"..."9").contains(run[run.index(after: run.startIndex)])
        }
    }

    /// Every 18-character resident id (17 digits and a digit or X) whose check character is right.
    static func residentIDs(in text: String) -> [String] {
        digitRuns(in: text, allowTrailingX: true).filter { $0.count == 18 && hasValidCheck($0) }
    }

    /// GB 11643-1999 (ISO 7064 MOD 11-2).
    static func hasValidCheck(_ id: String) -> Bool {
        let characters = Array(id)
        guard characters.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for index in 0..<17 {
            guard let digit = characters[index].wholeNumberValue else { return false }
            sum += digit * weights[index]
        }
        return characters[17] == Array("10X98765432")[sum % 11]
    }

    /// Maximal runs of ASCII digits (optionally ending in X).
    private static func digitRuns(in text: String, allowTrailingX: Bool = false) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if allowTrailingX && character == "X" && !current.isEmpty {
                current.append(character)
                runs.append(current)
                current = ""
            } else {
                if !current.isEmpty { runs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
