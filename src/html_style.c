/*
 * The html page's style sheet, inlined into every page's <style>
 * (format_html.c writes it; the page loads nothing from elsewhere).  It
 * lives apart from the page's content, as mandoc keeps mandoc.css, so a
 * change of look is a change to this file alone.  The classes it styles
 * are the ones format_html.c and svg.c write: sev-* and bar-* for each
 * severity, bar-age, axis, muted, new, mono, num, nowrap.
 */
#include "html_style.h"

const char html_style[] =
"body{font:15px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,"
"\"Helvetica Neue\",Arial,sans-serif;color:#1a1a1a;background:#fff;"
"margin:0 auto;padding:1.5em;max-width:72em}\n"
"h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .5em;"
"border-bottom:2px solid #ddd;padding-bottom:.2em}h3{font-size:1.05em;"
"margin:1.2em 0 .4em}\n"
"table{border-collapse:collapse;width:100%;margin:.4em 0 1em}\n"
"th,td{text-align:left;vertical-align:top;padding:.3em .6em;"
"border-bottom:1px solid #e3e3e3}th{background:#f4f4f4}\n"
"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
"tr{page-break-inside:avoid;break-inside:avoid}\n"
"code,.mono{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,"
"monospace;font-size:.92em}\n"
".sev{font-weight:600;white-space:nowrap}.nowrap{white-space:nowrap}\n"
".sev-critical{color:#a30d1d}.sev-high{color:#c2410c}"
".sev-medium{color:#8a6100}.sev-low{color:#1d4ed8}\n"
"ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;"
"gap:.6em}ul.counts li{border:1px solid #ccc;border-radius:4px;"
"padding:.4em .9em;min-width:6em}ul.counts .n{display:block;"
"font-size:1.6em;font-weight:700}\n"
".new{font-weight:700;color:#a30d1d}.muted{color:#666}\n"
"figure{margin:1em 0;display:inline-block;vertical-align:top;"
"margin-right:2em}figcaption{font-weight:600;margin-bottom:.3em}\n"
"svg text{font:12px system-ui,Arial,sans-serif;fill:#1a1a1a}\n"
"svg .bar-critical{fill:#a30d1d}svg .bar-high{fill:#c2410c}"
"svg .bar-medium{fill:#d69e00}svg .bar-low{fill:#1d4ed8}"
"svg .bar-age{fill:#4b5563}svg .axis{stroke:#999;stroke-width:1}\n"
"footer{margin-top:2em;color:#666;font-size:.9em}\n"
"@media print{body{padding:0;max-width:none;font-size:11pt}"
"h2{page-break-after:avoid;break-after:avoid}"
"th{background:none}}\n";
