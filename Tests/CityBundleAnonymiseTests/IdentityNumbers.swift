/// Test-side generators of valid identifiers, written independently of the detectors' code: the resident-ID
/// weights are computed as 2^(n-1) mod 11 instead of read from a table, and the check character as
/// (12 - sum mod 11) mod 11.
enum IdentityNumbers {
    /// The 18-character resident ID for a 17-digit body, with its correct check character.
    static func residentID(_ body: String) -> String {
        precondition(body.count == 17 && body.allSatisfy(\.isASCII))
        var sum = 0
        for (index, character) in body.enumerated() {
            let position = 18 - index  // positions count from the right, the check character being 1
            var weight = 1
            for _ in 1..<position { weight = weight * 2 % 11 }
            sum += Int(String(character))! * weight
        }
        let check = (12 - sum % 11) % 11
        return body + (check == 10 ? "X" : String(check))
    }

    /// The resident ID with a check character that is wrong.
    static func residentIDWithWrongCheck(_ body: String) -> String {
        let valid = residentID(body)
        let wrong = valid.last == "0" ? "1" : "0"
        return body + wrong
    }

    /// `payload` with its Luhn check digit appended (double every second digit from the right of the payload).
    static func luhn(_ payload: String) -> String {
        var sum = 0
        for (index, character) in payload.reversed().enumerated() {
            var digit = Int(String(character))!
            if index % 2 == 0 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return payload + String((10 - sum % 10) % 10)
    }

    /// Whether `number` passes the Luhn check.
    static func isLuhnValid(_ number: String) -> Bool {
        luhn(String(number.dropLast())) == number
    }
}
