namespace MMFuse.Reporting;

/// <summary>
/// A row the model got wrong with high confidence. Media paths are absolute or relative to
/// <see cref="ReportModel.MediaFolder"/>; each is embedded into the page (thumbnail, short clip).
/// </summary>
public sealed record ReportWrongRow(
    string Id,
    string True,
    string Predicted,
    double Confidence,
    string? ImagePath = null,
    string? AudioPath = null,
    string? Text = null);
