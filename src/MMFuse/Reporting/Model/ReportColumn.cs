namespace MMFuse.Reporting;

/// <summary>A manifest column and the role it was given (id, label, image, audio, text, numeric, ignored, ...).</summary>
public sealed record ReportColumn(string Name, string Role);
