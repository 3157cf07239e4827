"""`cmwreport absorb`: reviewers' edits in a built draft taken home to the sources and template."""
