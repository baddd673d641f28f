import GleanerCommands

Commands.report()
