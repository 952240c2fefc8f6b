using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Data.Leakage;
using MMFuse.Evaluation;

namespace MMFuse.Cli;

/// <summary>How every data command shows what the inspection found about the table: notes and data warnings on
/// stderr, the data warnings in the JSON, and under <c>--strict</c> the data warnings as an input error (exit 2).</summary>
internal static class DataWarningsOutput
{
    public static void Report(CliContext context, InspectionResult inspection, bool strict)
    {
        foreach (var note in inspection.Warnings)
            context.Warn(note);
        Report(context, inspection.DataWarnings, strict);
    }

    private static void Report(CliContext context, IReadOnlyList<DataWarning> warnings, bool strict)
    {
        if (warnings.Count == 0)
            return;
        if (strict)
            throw new MMFuseInputException("--strict: the table has " + warnings.Count + " data warning(s):\n" +
                string.Join('\n', warnings.Select(w => "  " + w)));
        foreach (var warning in warnings)
            context.Warn(warning.ToString());
    }

    /// <summary>The "warnings" array: data warnings as {column, kind, detail}, then the other notes with kind "note".</summary>
    public static JsonArray Json(InspectionResult inspection, IEnumerable<DataWarning>? more = null) => new(
    [
        .. inspection.DataWarnings.Concat(more ?? []).Select(w => (JsonNode?)new JsonObject { ["column"] = w.Column, ["kind"] = w.Kind, ["detail"] = CliFlags.Map(w.Detail) }),
        .. inspection.Warnings.Select(n => (JsonNode?)new JsonObject { ["column"] = null, ["kind"] = "note", ["detail"] = CliFlags.Map(n) }),
    ]);
}
