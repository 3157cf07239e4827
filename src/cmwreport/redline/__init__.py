"""The tracked-changes writer: the new draft with the comparison's changes marked as Word
revisions, so that Reject All gives the old draft and Accept All the new one."""
