import DriftTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that accepts connections (in the kernel's backlog) but never says a word, like a hung
/// server: a client waiting for the MySQL greeting there must time out.
final class SilentListener {
    /// The port it listens on.
    let port: Int
    private let socketDescriptor: Int32

    init() throws {
        let (fd, port) = try LoopbackSocket.listen(backlog: 8)
        socketDescriptor = fd
        self.port = port
    }

    deinit { close(socketDescriptor) }
}
