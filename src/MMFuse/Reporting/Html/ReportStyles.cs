namespace MMFuse.Reporting.Html;

/// <summary>The page's only stylesheet, inlined. System fonts only, so nothing is downloaded.</summary>
internal static class ReportStyles
{
    public const string Css = """

:root { --ink:#1d2330; --muted:#5d6778; --line:#dde2ea; --bg:#f5f7fa; --card:#fff; --accent:#1f77b4; --bad:#c0392b; --good:#2e7d32; }
* { box-sizing:border-box; }
html { -webkit-text-size-adjust:100%; }
body { margin:0; background:var(--bg); color:var(--ink); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif; }
header { background:#1d2330; color:#fff; padding:20px 16px 12px; }
header h1 { margin:0 0 4px; font-size:1.5rem; overflow-wrap:anywhere; }
.subtitle { margin:0 0 10px; color:#c8d0dc; overflow-wrap:anywhere; }
nav { display:flex; flex-wrap:wrap; gap:6px 14px; }
nav a { color:#9cc9f0; text-decoration:none; font-size:.9rem; }
nav a:hover { text-decoration:underline; }
main { max-width:1100px; margin:0 auto; padding:12px; }
section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:14px 16px; margin:14px 0; min-width:0; }
h2 { margin:0 0 10px; font-size:1.2rem; }
h3 { margin:14px 0 6px; font-size:1rem; }
p { margin:6px 0; }
.na { color:var(--muted); font-style:italic; }
.note { color:var(--muted); font-size:.9rem; }
.warn { color:var(--bad); font-size:.85rem; }
.verdict { background:#eef5fb; border-left:4px solid var(--accent); padding:8px 12px; border-radius:4px; }
.facts { display:flex; flex-wrap:wrap; gap:8px 24px; margin:0 0 8px; }
.facts div { min-width:0; overflow-wrap:anywhere; }
.facts b { display:block; font-size:1.25rem; }
.facts span { color:var(--muted); font-size:.85rem; }
.scroll { overflow-x:auto; -webkit-overflow-scrolling:touch; max-width:100%; margin:6px 0; }
table { border-collapse:collapse; font-size:.9rem; }
th, td { padding:5px 9px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
th { background:#f0f3f7; font-weight:600; white-space:nowrap; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
td.share { white-space:nowrap; font-variant-numeric:tabular-nums; }
tr.best td { background:#f1f8ee; }
.ci { display:block; color:var(--muted); font-size:.78rem; }
.bar { display:inline-block; height:9px; background:var(--accent); border-radius:2px; vertical-align:middle; margin-right:6px; }
.bar.miss { background:#e08a2c; }
.tag { display:inline-block; background:#eef1f5; border-radius:10px; padding:0 8px; margin:1px 2px; font-size:.8rem; white-space:nowrap; }
table.cm td { text-align:center; min-width:2.6em; font-variant-numeric:tabular-nums; border:1px solid #fff; }
table.cm th { text-align:center; }
table.cm th.true { text-align:right; }
table.cm td.dark { color:#fff; }
.axis { color:var(--muted); font-size:.8rem; }
.grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap:12px; }
figure { margin:6px 0; min-width:0; }
img.plot { display:block; max-width:100%; height:auto; }
figcaption { color:var(--muted); font-size:.85rem; margin-top:4px; }
.rows { display:grid; gap:10px; }
.row { display:flex; gap:12px; border:1px solid var(--line); border-radius:6px; padding:10px; min-width:0; }
.row .media { flex:0 0 auto; display:flex; flex-direction:column; gap:6px; max-width:45%; }
.row .info { flex:1 1 auto; min-width:0; overflow-wrap:anywhere; }
img.thumb { image-rendering:pixelated; border:1px solid var(--line); background:#fff; max-width:100%; height:auto; }
audio { width:220px; max-width:100%; }
.pred { color:var(--bad); font-weight:600; }
.truth { color:var(--good); font-weight:600; }
blockquote { margin:6px 0; padding:4px 10px; border-left:3px solid var(--line); color:#333; white-space:pre-wrap; max-height:8em; overflow:auto; }
footer { text-align:center; color:var(--muted); font-size:.8rem; padding:16px; }
@media (max-width:600px) { main { padding:6px; } section { padding:10px; border-radius:6px; } .row { flex-direction:column; } .row .media { max-width:100%; flex-direction:row; flex-wrap:wrap; align-items:center; } }

""";
}
