import GleanerCommands

Commands.extract()
