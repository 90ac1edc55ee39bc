import Foundation

/// Replaces a document and its `.sig` so that a crash never leaves a half-written pair for good.
///
/// Both are first written complete and fsynced under hidden pending names, the signature before the document;
/// the pending document appearing is the commit point. Then the signature and the document are renamed into
/// place. `recover` finishes a committed pair (or drops an uncommitted one) after a crash; readers can only
/// see a mismatched pair between the two renames.
enum SignedFilePair {
    /// Writes `document` to `path` and `signature` to `path.sig`.
    static func commit(document: Data, signature: Data, to path: String) throws {
        let (pendingDocument, pendingSignature) = pendingPaths(path)
        try DurableFiles.removeFile(pendingDocument)
        try DurableFiles.removeFile(pendingSignature)
        try DurableFiles.writeAtomically(signature, to: pendingSignature)
        try DurableFiles.writeAtomically(document, to: pendingDocument)
        try finish(path)
    }

    /// Completes or drops a pair an interrupted `commit` left for `path`.
    static func recover(_ path: String) throws {
        let (pendingDocument, pendingSignature) = pendingPaths(path)
        if DurableFiles.exists(pendingDocument) {
            try finish(path)
        } else if DurableFiles.exists(pendingSignature) {
            try DurableFiles.removeFile(pendingSignature)
        }
    }

    private static func finish(_ path: String) throws {
        let (pendingDocument, pendingSignature) = pendingPaths(path)
        if DurableFiles.exists(pendingSignature) { try DurableFiles.rename(pendingSignature, to: path + ".sig") }
        try DurableFiles.rename(pendingDocument, to: path)
        try DurableFiles.syncDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    private static func pendingPaths(_ path: String) -> (document: String, signature: String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        return ("\(directory)/.\(name).pending", "\(directory)/.\(name).sig.pending")
    }
}
