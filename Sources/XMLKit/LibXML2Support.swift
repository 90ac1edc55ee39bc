internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Foundation is not imported: Debian's libxml2 headers include ICU's, which clash with Foundation's
// copy of ICU in the same module ("'UErrorCode' has different definitions in different modules").

/// The parser options every reader uses.
///
/// Set: `NONET` (no network access, even if an entity loader were reached), `NOBLANKS` (drop
/// ignorable whitespace), `COMPACT` (store small text nodes inline), `BIG_LINES` (line numbers of
/// text nodes past 65 535). Never set, and checked by a test: `NOENT` (expand entities: XXE),
/// `DTDLOAD`, `DTDATTR`, `DTDVALID` (load external DTDs), `HUGE` (turns off libxml2's size, depth
/// and entity-amplification checks), `XINCLUDE`.
let readerParserOptions: Int32 = Int32(
    bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue
        | XML_PARSE_BIG_LINES.rawValue)

/// The process-wide deny-all external entity loader.
///
/// libxml2 keeps one loader for the whole process and consults it whenever it would open an
/// external DTD or entity. With ``readerParserOptions`` libxml2 2.9.14 never asks for one; this
/// loader is the second wall, so nothing is read even if an option or a libxml2 default changes.
enum ExternalEntityGuard {
    /// Guards `deniedLoads` and the check-then-install in ``ensureInstalled()``. The loader runs on
    /// whichever thread is parsing, so the counter needs a lock; it is the only mutable global state
    /// in XMLKit, hence `nonisolated(unsafe)` (every access holds `lock`).
    private static let lock = PthreadLock()
    nonisolated(unsafe) private static var deniedLoads = 0

    /// `xmlInitParser` must run once before libxml2 is used from several threads.
    private static let parserInitialised: Void = xmlInitParser()

    /// Refuses every request: records it and returns no input, so libxml2 reads nothing.
    static let denyAll: xmlExternalEntityLoader = { _, _, _ in
        ExternalEntityGuard.recordDenied()
        return nil
    }

    /// How many external loads the deny-all loader has refused in this process.
    static var deniedLoadCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return deniedLoads
    }

    private static func recordDenied() {
        lock.lock()
        deniedLoads += 1
        lock.unlock()
    }

    /// Installs ``denyAll`` once, and again if other code in the process (GDAL, say) replaced it.
    static func ensureInstalled() {
        _ = parserInitialised
        lock.lock()
        defer { lock.unlock() }
        let current = unsafeBitCast(xmlGetExternalEntityLoader(), to: UnsafeRawPointer?.self)
        if current != unsafeBitCast(denyAll, to: UnsafeRawPointer.self) {
            xmlSetExternalEntityLoader(denyAll)
        }
    }
}

/// The first error (not warning) libxml2 reported for one reader.
struct CapturedError {
    var message: String
    var line: Int?
}

/// Receives libxml2's errors for one reader. libxml2 holds it as an unretained `Unmanaged` pointer;
/// the reader keeps it alive for as long as the `xmlTextReaderPtr` exists.
final class ErrorSink {
    private(set) var first: CapturedError?
    /// The shim's forwarding record for libxml2's generic error channel (see `shim.h`); its address
    /// is handed to libxml2, so it lives on the heap for the sink's lifetime.
    let genericErrorSink: UnsafeMutablePointer<citybundle_xml_generic_error_sink>

    init() {
        genericErrorSink = .allocate(capacity: 1)
        genericErrorSink.initialize(to: citybundle_xml_generic_error_sink(handler: nil, context: nil))
        genericErrorSink.pointee.handler = captureGenericError
        genericErrorSink.pointee.context = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        genericErrorSink.deinitialize(count: 1)
        genericErrorSink.deallocate()
    }

    /// Keeps the first structured error of level `XML_ERR_ERROR` or worse; warnings are ignored.
    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error (code \(error.code))"
        record(message: message, line: error.line > 0 ? Int(error.line) : nil)
    }

    /// Keeps the first message from the generic channel, which libxml2 only uses for errors here.
    func recordGeneric(_ message: String) {
        record(message: message, line: nil)
    }

    private func record(message: String, line: Int?) {
        guard first == nil else { return }
        var message = message
        while let last = message.last, last.isWhitespace { message.removeLast() }
        if message.count > 1000 { message = String(message.prefix(1000)) + "…" }
        first = CapturedError(message: message, line: line)
    }
}

/// The C callback for both the reader's and the thread's structured error handler; the context is an
/// unretained ``ErrorSink``.
let captureStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}

/// The C callback the shim's generic-error forwarder calls with the formatted message; the context is
/// an unretained ``ErrorSink``.
let captureGenericError: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = {
    context, message in
    guard let context, let message else { return }
    Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue().recordGeneric(String(cString: message))
}

/// Runs `body` with this thread's libxml2 error handlers pointing at `sink`, then restores the
/// previous handlers.
///
/// The reader's own handler only sees errors tied to its parser context. Encoding and I/O errors are
/// raised without one and go to the thread's structured handler, and a few messages are written
/// straight to the generic channel; unhandled, libxml2 prints both to stderr. Both handlers are
/// thread-local in libxml2, so this does not affect other threads.
func withErrorsCaptured<Result>(by sink: ErrorSink, _ body: () -> Result) -> Result {
    let structuredHandler = __xmlStructuredError()
    let structuredContext = __xmlStructuredErrorContext()
    let genericHandler = __xmlGenericError()
    let genericContext = __xmlGenericErrorContext()
    let saved = (
        structuredHandler?.pointee, structuredContext?.pointee, genericHandler?.pointee, genericContext?.pointee
    )
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque(), captureStructuredError)
    citybundle_xml_set_generic_error_sink(sink.genericErrorSink)
    defer {
        structuredHandler?.pointee = saved.0
        structuredContext?.pointee = saved.1
        genericHandler?.pointee = saved.2
        genericContext?.pointee = saved.3
    }
    return body()
}

/// Calls `body` with `string` as a NUL-terminated `xmlChar` pointer.
func withXMLChars<Result>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    var bytes = Array(string.utf8)
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// A heap-allocated pthread mutex (stable address, unlike a stored `pthread_mutex_t`).
final class PthreadLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
