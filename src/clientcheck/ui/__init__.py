"""What people see: the quiz (the only importer of questionary and prompt_toolkit) and the Rich screens."""

MAX_WIDTH = 100
"""The widest any screen is drawn, however wide the terminal: long lines are hard to read."""
