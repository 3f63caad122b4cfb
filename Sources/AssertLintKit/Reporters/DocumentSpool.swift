import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a machine document (`check --format json|sarif|junit`) while a large run writes
/// it (issue 13): at most `bufferSize` of them in memory, the rest in a temporary file that has
/// no name (created with mode 0600 in `$TMPDIR` and unlinked at once, so it goes with the
/// process, signal or not). Holding the document as text grew by a few KiB per file checked;
/// a spool keeps the run's memory flat. A spool that cannot get a file stays in memory.
///
/// What goes in has been through `Redactor.shared` already (`Output.spool(_:into:)`), so no
/// credential known at that point reaches the disk; `Output.document(_:)` passes the whole of it
/// through the redactor again on the way out, once every file has been learnt.
public final class DocumentSpool: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private var file: FileHandle?
    private var stored = 0
    private var failed = false
    private let inMemory: Bool
    /// True once a read of the file came back short or failed: some of the content is gone, and
    /// what `forEachChunk` handed on was not the whole document.
    public private(set) var lost = false

    /// Bytes kept in memory before they go to the file.
    static let bufferSize = 1 << 20

    /// `inMemory`: never a file (a test, a small document).
    public init(inMemory: Bool = false) {
        self.inMemory = inMemory
    }

    /// Bytes written so far.
    public var count: Int { stored + buffer.count }

    public func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { spill() }
    }

    public func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { spill() }
    }

    /// Everything in `other`, after what this spool holds.
    public func append(_ other: DocumentSpool) {
        other.forEachChunk { append($0) }
    }

    /// The whole content, in pieces of about `bufferSize` that each end just after a line break
    /// (the last one wherever the content ends), so that a piece never splits a line or a
    /// character. The spool can still be appended to afterwards.
    public func forEachChunk(_ body: ([UInt8]) -> Void) {
        guard let file, stored > 0 else {
            if !buffer.isEmpty { body(buffer) }
            return
        }
        var carry: [UInt8] = []
        var offset = 0
        var ok = true
        while offset < stored {
            let block: Data?
            do {
                try file.seek(toOffset: UInt64(offset))
                block = try file.read(upToCount: min(Self.bufferSize, stored - offset))
            } catch {
                block = nil
            }
            guard let block, !block.isEmpty else { ok = false; break }
            offset += block.count
            carry.append(contentsOf: block)
            if let last = carry.lastIndex(of: 0x0A) {
                body(Array(carry[...last]))
                carry.removeSubrange(...last)
            }
        }
        do { try file.seekToEnd() } catch { ok = false }
        if !ok {
            failed = true
            lost = true
        }
        carry.append(contentsOf: buffer)
        if !carry.isEmpty { body(carry) }
    }

    /// The whole content as text (small documents and tests).
    public var text: String {
        var all: [UInt8] = []
        forEachChunk { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }

    private func spill() {
        guard !inMemory, !failed else { return }
        if file == nil {
            file = Self.anonymousFile()
            if file == nil { failed = true; return }
        }
        guard let file else { return }
        do {
            try file.write(contentsOf: buffer)
            stored += buffer.count
            buffer.removeAll(keepingCapacity: true)
        } catch {
            // A full disk: keep the rest in memory rather than lose it.
            failed = true
        }
    }

    /// A new file in the temporary directory, open for reading and writing and already unlinked.
    static func anonymousFile() -> FileHandle? {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        for attempt in 0..<8 {
            let path = (directory as NSString).appendingPathComponent(
                ".assertlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(attempt).spool")
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { continue }
            unlink(path)
            return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        }
        return nil
    }
}
