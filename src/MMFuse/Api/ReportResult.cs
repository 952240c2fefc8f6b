using System.Text.Json.Nodes;

namespace MMFuse;

/// <summary>The report written: its path, and the analysis as JSON (the winner's analysis, intervals per strategy, the test of the top two).</summary>
public sealed record ReportResult(string Path, JsonObject Analysis, string? TopTwoVerdict);
