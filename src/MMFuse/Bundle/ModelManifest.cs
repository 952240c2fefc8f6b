using System.Reflection;
using System.Text.Json.Nodes;

namespace MMFuse.Bundle;

/// <summary>The <c>model.json</c> entry of a model file: everything needed to rebuild the prediction pipeline
/// except the binary payloads, which it lists with their sizes and hashes. Serialised in snake_case
/// (<see cref="ManifestJson"/>).</summary>
public sealed record ModelManifest
{
    /// <summary>The newest model file format this build reads and the one it writes. Format 2 added
    /// <c>integrity.json</c> (the SHA-256 of <c>model.json</c>, and an optional signature).</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The first format whose <c>model.json</c> is checksummed. Format 1 files, written before, still load (a
    /// trained model must keep predicting), without that check, and can never satisfy a signing key.</summary>
    public const int FirstChecksummedFormatVersion = 2;

    /// <summary>The MMFuse assembly's informational version (what <c>--version</c> prints).</summary>
    public static string CurrentLibraryVersion { get; } =
        typeof(ModelManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ModelManifest).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The file format this manifest was written in (<see cref="CurrentFormatVersion"/> for new files; 1 for
    /// files without <c>integrity.json</c>).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The MMFuse version that trained the model, for diagnostics; loading does not depend on it.</summary>
    public string LibraryVersion { get; init; } = CurrentLibraryVersion;

    /// <summary>Set by the caller (not by the writer), so that writing the same manifest twice gives the same bytes.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The training manifest's columns and roles, its label and its task; prediction checks new rows against
    /// them.</summary>
    public required ManifestSchema Schema { get; init; }

    /// <summary>The extractor used for each image, audio and text column; prediction must use the same ones.</summary>
    public IReadOnlyList<ManifestExtractor> Extractors { get; init; } = [];

    /// <summary>Fitted normaliser state per feature block, in whatever shape that normaliser chose.</summary>
    public IReadOnlyDictionary<string, JsonNode> Preprocessing { get; init; } = new Dictionary<string, JsonNode>();

    /// <summary>Fusion strategy name and parameters, free-form.</summary>
    public JsonObject Fusion { get; init; } = new();

    /// <summary>Class names in class-index order; empty for regression.</summary>
    public IReadOnlyList<string> LabelMap { get; init; } = [];

    /// <summary>The seed training ran with, so a retrain with the same data and options gives the same model.</summary>
    public int Seed { get; init; }

    /// <summary>The model's metrics on its own training rows, by metric name: optimistic, for reference only
    /// (cross-validation gives honest ones).</summary>
    public IReadOnlyDictionary<string, double> TrainingMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>How the training rows were weighted; null (and not written) for an unweighted model, as every model file
    /// before weights was.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ManifestWeighting? Weighting { get; init; }

    /// <summary>Every entry of the file other than <c>model.json</c>. Filled in by <see cref="ModelBundleWriter"/>,
    /// which replaces whatever the caller put here.</summary>
    public IReadOnlyList<PayloadEntry> Payloads { get; init; } = [];
}
