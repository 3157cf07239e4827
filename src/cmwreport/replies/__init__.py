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
- `skeleton.py`: reply headings written into a template for every question.
- `render_*.py`: coverage as text, JSON, an HTML page and a Word table.
"""
