#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file operation, with the system's reason in words a delegate can act on.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    var errno: Int32
    public var message: String
    /// Whether the file was being read or written: a missing file means different things.
    public var access: Access
    var isMissing: Bool { errno == ENOENT || errno == ENOTDIR }
    public var description: String { "\(path): \(message)" }

    public enum Access: Sendable, Hashable { case read, write }

    init(path: String, errno code: Int32, doing action: String, access: Access) {
        self.path = path
        self.errno = code
        self.access = access
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT: message = "no such file; check the path"
        case EACCES, EPERM: message = "permission denied while \(action); check the file's permissions"
        case ENOSPC, EDQUOT: message = "the disk is full while \(action); free some space and try again"
        case EFBIG: message = "the file is too large while \(action) (a file size limit is set)"
        case EROFS: message = "the file system is read-only while \(action)"
        case EISDIR: message = "is a folder, not a file"
        case ELOOP: message = "is a symbolic link, which is not followed here"
        default: message = "\(reason.lowercased()) while \(action)"
        }
    }
}

/// Small, dependable file primitives: whole-file reads and atomic writes
/// (temporary file, fsync, rename), so a failed command never leaves half a file.
public enum FileIO {
    /// Reads a whole file, or at most `limit` bytes of it. With `followingLinks` false, a
    /// symbolic link is refused (ELOOP) rather than read through.
    static func readBytes(_ path: String, limit: Int = .max, followingLinks: Bool = true) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw FileError(path: path, errno: errno, doing: "opening it", access: .read) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, errno: errno, doing: "reading it", access: .read) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, errno: EISDIR, doing: "reading it", access: .read) }
        // The size fstat gives, plus one byte to see the end, read straight into the array; a
        // file that grows meanwhile, or one whose size is not known (a pipe), goes on in chunks.
        let expected = min(limit, max(Int(info.st_size), 0) + 1)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < buffer.count {
                let got = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if failure != 0 { throw FileError(path: path, errno: failure, doing: "reading it", access: .read) }
        guard bytes.count == expected else { return bytes }
        // Never zeroed first: filling a 64 KiB buffer with zeros cost more than reading a motion.
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = read(fd, chunk.baseAddress, wanted)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, errno: errno, doing: "reading it", access: .read)
            }
            if count == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        return bytes
    }

    static func readText(_ path: String) throws(FileError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over.
    /// With `overwrite: false` it fails with EEXIST instead of replacing an existing file.
    public static func writeAtomically(_ bytes: some Collection<UInt8>, to path: String, overwrite: Bool = true) throws(FileError) {
        let directory = parentDirectory(of: path)
        var template = Array("\(directory)/.\(baseName(of: path)).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, errno: errno, doing: "creating it", access: .write) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        let data = Array(bytes)
        var written = 0
        while written < data.count {
            let count = data.withUnsafeBytes { write(fd, $0.baseAddress! + written, data.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw FileError(path: path, errno: code, doing: "writing it", access: .write)
            }
            written += count
        }
        fchmod(fd, 0o644 & ~currentUmask())
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            throw FileError(path: path, errno: code, doing: "writing it", access: .write)
        }
        close(fd)
        if overwrite {
            guard rename(temporary, path) == 0 else { throw FileError(path: path, errno: errno, doing: "replacing it", access: .write) }
        } else {
            // link() fails if the name exists, so two writers can never both win.
            guard link(temporary, path) == 0 else { throw FileError(path: path, errno: errno, doing: "creating it", access: .write) }
            unlink(temporary)
        }
        done = true
    }

    public static func writeAtomically(_ text: String, to path: String, overwrite: Bool = true) throws(FileError) {
        try writeAtomically(text.utf8, to: path, overwrite: overwrite)
    }

    static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// A name ``writeAtomically(_:to:overwrite:)`` gives its temporary file: `.NAME.tmp-XXXXXX`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let suffix = name[marker.upperBound...]
        return suffix.count == 6 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The size in bytes of a regular file, nil when it cannot be seen.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// When a file was last changed, in seconds since 1970; nil when it cannot be seen.
    static func modificationSeconds(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) : nil
    }

    /// When a file was last changed, in seconds since 1970 to the nanosecond; nil when it cannot be seen.
    static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        return stat(path, &info) == 0 ? Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9 : nil
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a folder and its parents (like `mkdir -p`).
    static func createDirectory(_ path: String) throws(FileError) {
        if isDirectory(path) { return }
        let parent = parentDirectory(of: path)
        if parent != path, !parent.isEmpty, parent != "." { try createDirectory(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw FileError(path: path, errno: errno, doing: "creating the folder", access: .write)
        }
    }

    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

extension FileIO {
    /// Entry names in a folder (not `.` or `..`), unsorted; empty when it cannot be read.
    static func listDirectory(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
