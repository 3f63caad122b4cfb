import AssertLintKit

AssertLintCLI.main()
