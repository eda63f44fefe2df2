from kitgen.program import entry

entry()
