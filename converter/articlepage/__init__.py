"""Reading a journal article page saved as plain text: labelled sections, people, facts."""
