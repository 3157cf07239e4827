"""A report project: finding it from any folder inside it, and starting a new one."""
