import CityBundlePublish
import Foundation

/// Decides which keys a fetch trusts: the given key files, else those pinned for the publish root, else (first
/// use) the root's own `keys.json`; then follows a rotation only when the root's current `keys.json` is signed
/// by a key already trusted (`TrustedKeys.load(root:pinned:)` over a downloaded copy).
enum KeyTrust {
    /// The trusted keys, with notes on what happened; updates the pins in `state`.
    static func establish(
        transport: any FetchTransport, source: String, keyFiles: [String], state: inout FetchState, scratch: String
    ) async throws -> (keys: TrustedKeys, notes: [String]) {
        var notes: [String] = []
        guard let keysBytes = try await transport.document(KeyRing.keysFile, maxSize: 1 << 20) else {
            throw FetchError.verification(path: KeyRing.keysFile, message: "keys.json not found at \(source)")
        }
        let signature = try await transport.document(KeyRing.keysFile + ".sig", maxSize: 4096)
        let pinned: TrustedKeys
        if !keyFiles.isEmpty {
            pinned = try TrustedKeys(publicKeyFiles: keyFiles)
        } else if let records = state.pins[source], !records.isEmpty {
            pinned = TrustedKeys(records)
        } else {
            // Trust on first use: keys.json must at least be signed by one of its own active keys.
            guard let document = CanonicalJSON.decode(KeysDocument.self, from: keysBytes) else {
                throw FetchError.verification(path: KeyRing.keysFile, message: "not a keys document")
            }
            pinned = TrustedKeys(document.keys)
            notes.append(
                "no --key given and no key pinned for \(source): trusting its keys.json on first use (keys \(pinned.activeKeyIDs.joined(separator: ", "))); pass --key to check against a key you obtained separately"
            )
        }
        if case .failure(let failure) = SignatureCheck.verify(keysBytes, signature: signature, trusted: pinned) {
            throw FetchError.verification(
                path: failure.blamesSignature ? KeyRing.keysFile + ".sig" : KeyRing.keysFile,
                message:
                    "\(failure.message); a key change is accepted only when the new keys.json is signed by a pinned key"
            )
        }
        // Merge the keys it lists with the same code the local verifier uses, over a downloaded copy.
        let trusted: TrustedKeys
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            try keysBytes.write(to: URL(fileURLWithPath: "\(scratch)/\(KeyRing.keysFile)"))
            try signature?.write(to: URL(fileURLWithPath: "\(scratch)/\(KeyRing.keysFile).sig"))
            trusted = try TrustedKeys.load(root: scratch, pinned: pinned)
        } catch let error as PublishError {
            throw FetchError.verification(path: KeyRing.keysFile, message: "\(error)")
        } catch {
            throw FetchError.io(path: scratch, message: "cannot keep a copy of keys.json: \(error)")
        }
        let before = Set(pinned.activeKeyIDs)
        let added = trusted.activeKeyIDs.filter { !before.contains($0) }
        if !added.isEmpty, !state.pins[source, default: []].isEmpty || !keyFiles.isEmpty {
            notes.append(
                "followed a key rotation signed by a trusted key: now also trusting \(added.joined(separator: ", "))")
        }
        state.pins[source] = trusted.records.values.sorted { $0.keyId < $1.keyId }
        return (trusted, notes)
    }
}
