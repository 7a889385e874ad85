"""What people see: the quiz (the only importer of questionary and prompt_toolkit) and the Rich screens."""
