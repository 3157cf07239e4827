"""A reply to every question: the list of issues prior to reporting as targets, the reply
headings of a report found and judged, and the coverage table drafters annex.

- `questions.py`: the list of issues (QPR/<n>) and the previous concluding observations
  (CO/<n-1>) of a report, from the project's own reference data or the shipped one, as
  the questions and sub-items a report must reply to.
- `headings.py`: the UN Arabic reply heading of a question or sub-item, and the question a
  heading names.
- `scan.py`: the reply headings of a report body and what stands under each.
- `coverage.py`: the state of every question and sub-item, what follows up each
  recommendation, the Convention's articles covered.
- `render.py`, `render_html.py`: coverage as text, JSON and an HTML page.

What writes Word files lives with the build, which this package never imports:
`build/reply_skeleton.py` (reply headings written into a template),
`build/coverage_table.py` (the correspondence table), `build/reply_headings.py` (the
template's reply headings checked by validate).
"""
