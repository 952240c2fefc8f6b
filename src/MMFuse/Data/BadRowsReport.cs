using System.Text;
using MMFuse.IO;

namespace MMFuse.Data;

/// <summary>
/// Writes the rows left out (and the cells made absent) with their reasons, as CSV: row, line, column, action, reason.
/// Column names and reasons come from the user's data, so they go through <see cref="CsvField.Text"/>.
/// </summary>
public static class BadRowsReport
{
    /// <summary>Writes the CSV to <paramref name="path"/> (atomically): one line per skipped row, then one per cell
    /// made absent.</summary>
    public static void Write(string path, IEnumerable<DataIssue> skipped, IEnumerable<DataIssue> madeMissing)
    {
        var text = new StringBuilder("row,line,column,action,reason\n");
        foreach (var (issue, action) in skipped.Select(i => (i, "skipped")).Concat(madeMissing.Select(i => (i, "missing"))))
            text.Append(issue.Row).Append(',').Append(issue.Line).Append(',').Append(CsvField.Text(issue.Column ?? ""))
                .Append(',').Append(action).Append(',').Append(CsvField.Text(issue.Reason)).Append('\n');
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
