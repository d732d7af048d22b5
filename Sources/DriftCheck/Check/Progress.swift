import Foundation

/// Where progress lines go (stderr, unless `--quiet`). Lines never contain secrets: callers pass scrubbed text.
public struct Progress: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    /// Progress to standard error.
    public static let standardError = Progress { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// No progress output.
    public static let silent = Progress { _ in }

    public func callAsFunction(_ line: String) { sink(line) }
}
