import GleanerCommands

Commands.gleaner()
