"""An assessment: answers files, scoring, the exit plan, and the session that runs a quiz and saves it."""
