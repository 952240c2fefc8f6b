namespace MMFuse.Serve.Contracts;

/// <summary>GET /v1/model: what the served model expects and what it was trained as; the web page builds its form from it.</summary>
/// <param name="File">The model file's name (not its folder).</param>
/// <param name="Sha256">The model file's SHA-256, to tell which file is served.</param>
/// <param name="Task">binary, multiclass or regression.</param>
/// <param name="Label">The label column the model was trained on.</param>
/// <param name="Columns">The columns a row may give, with their roles (image, audio, text, numeric, categorical).</param>
/// <param name="Classes">Class names in output order (empty for regression).</param>
/// <param name="Strategy">The strategy's leaderboard name (early/logreg, joint-gated, ...).</param>
/// <param name="Fusion">The fusion family.</param>
/// <param name="Modalities">The modality blocks contributions are reported for.</param>
/// <param name="Extractors">The feature extractor per media or text column.</param>
/// <param name="TrainingMetrics">Metrics on the training rows (optimistic).</param>
/// <param name="FormatVersion">The model file format.</param>
/// <param name="LibraryVersion">The MMFuse version that wrote the file.</param>
/// <param name="Limits">What this server accepts.</param>
public sealed record ModelDescription(string File, string Sha256, string Task, string? Label, IReadOnlyList<ColumnDescription> Columns,
    IReadOnlyList<string> Classes, string Strategy, string Fusion, IReadOnlyList<string> Modalities, IReadOnlyList<ExtractorDescription> Extractors,
    IReadOnlyDictionary<string, double> TrainingMetrics, int FormatVersion, string LibraryVersion, ServerLimits Limits);
