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
    string? Text = null)
{
    /// <summary>Each modality's contribution to this row's (wrong) prediction, when explanations were computed.</summary>
    public IReadOnlyList<KeyValuePair<string, double>>? Contributions { get; init; }
}
