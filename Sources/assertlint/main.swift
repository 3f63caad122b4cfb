import AssertLintKit

// Before anything can write: a closed stdout is EPIPE to handle (Output), not SIGPIPE.
Output.start()
AssertLintCLI.main()
