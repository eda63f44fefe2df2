from kitgen.cli import entry

entry()
