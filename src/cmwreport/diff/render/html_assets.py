"""The review page's style sheet and its one script (navigation only: the page reads
the same without it). Nothing is fetched: fonts are named, with fallbacks that carry
Arabic on Windows, macOS, Linux and phones."""

from __future__ import annotations

from cmwreport.i18n import _

CSS = """
:root{--text:"Amiri","Noto Naskh Arabic","Traditional Arabic","Simplified Arabic","Noto Serif",
"Times New Roman",serif;--ui:"Noto Sans Arabic","Noto Sans","Segoe UI","Tahoma","Geeza Pro",
"Arial",sans-serif;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:var(--ui);margin:0 auto;padding:1rem;max-width:78rem;color:#1b1b1b;
background:#fff;line-height:1.5;overflow-wrap:anywhere}
h1{font-size:1.4rem;margin:.2rem 0 .6rem} h2{font-size:1.15rem} h3{font-size:1rem}
a{color:#0b4f8a} a:focus-visible,article.change:focus{outline:3px solid #e0a800;outline-offset:2px}
.drafts{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.5rem;margin:0}
.drafts div{border:1px solid #ccc;border-radius:4px;padding:.4rem .6rem}
.drafts dt{font-weight:bold;font-size:.85rem;color:#444} .drafts dd{margin:0}
.date{color:#555;font-size:.85rem}
nav.summary{border:1px solid #ccc;border-radius:4px;padding:.2rem .8rem;margin:1rem 0;
background:#fafafa}
.counts,.sections{padding-inline-start:1.2rem}
.counts li{display:inline-block;margin-inline-end:1rem}
.sections a.n{margin-inline-start:.3rem;font-size:.85rem}
.keys,.views{font-size:.9rem;color:#444}
section.part>h2{border-bottom:2px solid #0b4f8a;padding:0 .3rem .2rem;margin-top:2rem;
font-family:var(--text)}
article.change{border:1px solid #ccc;border-inline-start:6px solid #888;border-radius:4px;
margin:.8rem 0;padding:.5rem .7rem;scroll-margin-top:1rem}
article.added{border-inline-start-color:#1a7f37} article.removed{border-inline-start-color:#b42318}
article.changed{border-inline-start-color:#0b4f8a} article.moved{border-inline-start-color:#8a5a00}
article.formatting{border-inline-start-color:#6b3fa0}
.label{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:baseline;font-size:.95rem}
.label .kind{font-weight:bold} .label .anchor{font-size:.85rem;color:#555}
.step{margin-inline-start:auto;font-size:.85rem} .step a{margin-inline-start:.6rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin-top:.4rem}
.side{min-width:0} .side-name{display:block;font-size:.8rem;color:#555}
.text{font-family:var(--text);font-size:1.15rem;line-height:1.9;margin:0;white-space:pre-wrap}
details{margin-top:.4rem} summary{cursor:pointer;font-size:.9rem;color:#0b4f8a}
ins{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;
background:#dafbe1;color:#0a4b1f}
del{text-decoration:line-through;text-decoration-thickness:2px;background:#ffe3e0;color:#7a1a12}
mark.fmt{background:#efe4ff;color:inherit;border-bottom:2px dotted #6b3fa0}
ins::before,ins::after,del::before,del::after,.sr{position:absolute;width:1px;height:1px;
overflow:hidden;clip-path:inset(50%);white-space:nowrap}
ins::before{content:"INS_START"} ins::after{content:"INS_END"}
del::before{content:"DEL_START"} del::after{content:"DEL_END"}
.details{font-size:.9rem;margin:.4rem 0 0}
.note{background:#fff8c5;padding:.5rem;border:1px solid #d4a72c}
#whole{display:none} #whole:target,#whole:has(:target){display:block}
body:has(#whole:target) #changes,body:has(#whole :target) #changes{display:none}
#whole p{font-family:var(--text);font-size:1.1rem;line-height:1.9;margin:.3rem 0;
padding:.1rem .4rem}
#whole p.added{background:#eefbf1} #whole p.removed{background:#fff0ee}
#whole p.changed,#whole p.moved,#whole p.formatting{background:#eef4fb}
#whole .moved-from{font-family:var(--ui);font-size:.85rem;color:#8a5a00;border:1px dashed #8a5a00}
#whole .num{font-family:var(--ui);font-size:.8rem;color:#555;margin-inline-end:.5rem}
.print-only{display:none}
@media (max-width:700px){body{padding:.5rem}.sides{grid-template-columns:1fr}
.step{margin-inline-start:0}}
@page{size:A4;margin:20mm 16mm 18mm;@top-center{content:"PRINT_HEAD";font-size:8pt;color:#444}
@bottom-center{content:counter(page) " / " counter(pages);font-size:8pt}}
@media print{body{max-width:none;padding:0;font-size:10pt}nav.summary .keys,.views,.step,
summary{display:none}details::details-content{content-visibility:visible}
section.part{break-before:page}section.part:first-of-type{break-before:auto}
article.change{break-inside:avoid}ins{background:none;color:#000}del{background:none;color:#000}
mark.fmt{background:none}a{color:inherit;text-decoration:none}.print-only{display:block}}
"""

SCRIPT = """
(function(){
  var changes = Array.prototype.slice.call(document.querySelectorAll('article.change'));
  function current(){
    var el = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest('article.change') : null;
    if (!el && location.hash) {
      var t = document.getElementById(location.hash.slice(1));
      el = t && t.closest ? t.closest('article.change') : null;
    }
    return el ? changes.indexOf(el) : -1;
  }
  function go(i){
    if (i < 0 || i >= changes.length) return;
    var el = changes[i];
    if (location.hash !== '#' + el.id) location.hash = el.id;
    el.focus();
  }
  // Printed, every paragraph shown whole (a printer has no clicks).
  window.addEventListener('beforeprint', function(){
    document.querySelectorAll('details').forEach(function(d){ d.open = true; });
  });
  document.addEventListener('keydown', function(e){
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (e.key === 'j' || e.key === 'n') { go(current() + 1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'p') {
      var c = current(); go(c < 0 ? 0 : c - 1); e.preventDefault();
    }
  });
})();
"""


def css(print_head: str) -> str:
    """The style sheet in the page's language: the words screen readers say around an
    insertion or a deletion, and the drafts' names at the top of each printed page."""
    words = {
        "INS_START": _("[insertion] "),
        "INS_END": _(" [end of insertion]"),
        "DEL_START": _("[deletion] "),
        "DEL_END": _(" [end of deletion]"),
        "PRINT_HEAD": print_head,
    }
    out = CSS
    for key, value in words.items():
        out = out.replace(key, _css_string(value))
    return out


def _css_string(text: str) -> str:
    # Inside a CSS string, in a <style> element: quotes, backslashes and "<" escaped.
    return "".join(
        ch if ch.isalnum() or ch in " .,:;()[]/-_’‘«»،" else f"\\{ord(ch):x} " for ch in text
    )
