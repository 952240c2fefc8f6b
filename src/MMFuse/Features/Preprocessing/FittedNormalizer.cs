using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// A block's fitted normalisation: out = (x - Center) / Scale per column, computed in double and rounded
/// to float once. Absent rows become the training mean (<see cref="Fill"/>), i.e. exactly 0 after zscore;
/// non-finite values in present rows become the training <see cref="Median"/>.
/// </summary>
public sealed class FittedNormalizer
{
    /// <summary>A normaliser with fitted per-column statistics (all of length <paramref name="dimension"/>), as
    /// <see cref="BlockNormalizer"/> computes them or the model file stores them.</summary>
    [JsonConstructor]
    public FittedNormalizer(string modality, string extractorId, int dimension, NormalizeMode mode,
        IReadOnlyList<double> center, IReadOnlyList<double> scale, IReadOnlyList<double> fill, IReadOnlyList<double> median)
    {
        ArgumentNullException.ThrowIfNull(modality);
        ArgumentNullException.ThrowIfNull(extractorId);
        if (dimension < 0)
            throw new ArgumentException($"Normaliser of '{modality}': negative dimension {dimension}.");
        foreach (var (name, values) in new[] { ("center", center), ("scale", scale), ("fill", fill), ("median", median) })
        {
            ArgumentNullException.ThrowIfNull(values, name);
            if (values.Count != dimension || values.Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"Normaliser of '{modality}': '{name}' must hold {dimension} finite numbers.");
        }
        if (scale.Any(s => s == 0))
            throw new ArgumentException($"Normaliser of '{modality}': a scale is 0.");
        (Modality, ExtractorId, Dimension, Mode) = (modality, extractorId, dimension, mode);
        (Center, Scale, Fill, Median) = (center.ToArray(), scale.ToArray(), fill.ToArray(), median.ToArray());
    }

    /// <summary>The name of the block this normaliser was fitted on.</summary>
    public string Modality { get; }
    /// <summary>The extractor of the fitted block; a block from another extractor is refused.</summary>
    public string ExtractorId { get; }
    /// <summary>The number of columns of the fitted block.</summary>
    public int Dimension { get; }
    /// <summary>How the columns were scaled.</summary>
    public NormalizeMode Mode { get; }
    /// <summary>Subtracted from each column (the training mean for zscore, the minimum for minmax, 0 for
    /// none).</summary>
    public IReadOnlyList<double> Center { get; }
    /// <summary>Each column is divided by it (the std for zscore, max − min for minmax, 1 for none; never 0).</summary>
    public IReadOnlyList<double> Scale { get; }

    /// <summary>Training mean of each column (present rows, after median imputation): the value of an absent row.</summary>
    public IReadOnlyList<double> Fill { get; }

    /// <summary>Training median of each column's finite values: replaces NaN/inf in present rows.</summary>
    public IReadOnlyList<double> Median { get; }

    /// <summary>A new block with the same name, extractor and present flags and normalised rows.</summary>
    /// <exception cref="ArgumentException">The block is not the fitted one (name, extractor or dimension) or is malformed.</exception>
    public FeatureBlock Transform(FeatureBlock block)
    {
        CheckShape(block);
        if (block.Modality != Modality || block.ExtractorId != ExtractorId || block.Dimension != Dimension)
            throw new ArgumentException(
                $"Block '{block.Modality}' ({block.ExtractorId}, {block.Dimension} dims) does not match the fitted " +
                $"'{Modality}' ({ExtractorId}, {Dimension} dims).", nameof(block));
        var rows = new float[block.Count][];
        for (var r = 0; r < block.Count; r++)
        {
            var row = new float[Dimension];
            var source = block.Present[r] ? block.Rows[r] : null; // an absent row's content is never used
            for (var c = 0; c < Dimension; c++)
            {
                var v = source is null ? Fill[c] : Clean(source[c], Median[c]);
                row[c] = (float)((v - Center[c]) / Scale[c]);
            }
            rows[r] = row;
        }
        return block with { Rows = rows, Present = (bool[])block.Present.Clone() };
    }

    /// <summary>The fitted state as JSON, for the model file.</summary>
    public JsonNode ToJson() => PreprocessingJson.ToNode(this);

    /// <summary>Restores a normaliser from the JSON <see cref="ToJson"/> wrote; malformed JSON is an
    /// <see cref="InvalidDataException"/>.</summary>
    public static FittedNormalizer FromJson(JsonNode node) => PreprocessingJson.FromNode<FittedNormalizer>(node, "normaliser");

    internal static double Clean(float value, double median) => float.IsFinite(value) ? value : median;

    internal static void CheckShape(FeatureBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Rows.Length != block.Present.Length)
            throw new ArgumentException($"Block '{block.Modality}' has {block.Rows.Length} rows but {block.Present.Length} present flags.", nameof(block));
        for (var r = 0; r < block.Count; r++)
            if (block.Present[r] && block.Rows[r]?.Length != block.Dimension)
                throw new ArgumentException(
                    $"Block '{block.Modality}', row {r} has {block.Rows[r]?.Length ?? 0} values; the block's dimension is {block.Dimension}.", nameof(block));
    }
}
