import GleanerCommands

Commands.clean()
