namespace MMFuse.Reporting;

/// <summary>A named count (rows per class, missing rows per modality).</summary>
public sealed record ReportCount(string Name, int Count);
