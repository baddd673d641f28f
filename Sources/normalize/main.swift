import GleanerCommands

Commands.normalize()
