import Foundation

/// Maps offsets in a text (counted in Unicode scalars) to 1-based lines and columns.
struct LineMap: Sendable {
    /// Scalar offset where each line starts.
    let starts: [Int]
    let firstLine: Int

    init(_ scalars: some Collection<Unicode.Scalar>, firstLine: Int = 1) {
        var starts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { starts.append(i + 1) }
        self.starts = starts
        self.firstLine = firstLine
    }

    func position(_ offset: Int) -> SourcePosition {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: firstLine + lo, column: offset - starts[lo] + 1)
    }

    func line(_ offset: Int) -> Int { position(offset).line }
}

/// Line endings as one `\n`: CRLF from Windows and lone CR from old tools read like LF.
enum LineEndings {
    static func normalized(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if c == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(c)
        }
        return String(out)
    }
}

/// A text read once for all the commands in it: its scalars, its line map and its dialect.
/// A script of many curl commands used to rebuild these for each command, which made reading
/// it quadratic (1,000 commands: 36 s).
struct ShellSource: Sendable {
    let scalars: [Unicode.Scalar]
    let map: LineMap
    let dialect: ShellDialect

    init(_ text: String, firstLine: Int = 1) {
        scalars = Array(text.unicodeScalars)
        map = LineMap(scalars, firstLine: firstLine)
        dialect = ShellDialect.detect(text)
    }
}
