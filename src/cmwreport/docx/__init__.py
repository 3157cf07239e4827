"""WordprocessingML: the only package that builds or edits the XML inside a .docx.

Everything above this layer (the merge in `cmwreport.build`, the template script)
describes content with `Para` and `Table` and lets this layer turn it into
right-to-left WordprocessingML in schema order. lxml is imported by the modules here,
never by the CLI at start-up.
"""
