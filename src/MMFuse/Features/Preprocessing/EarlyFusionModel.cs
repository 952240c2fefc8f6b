using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// Fitted early fusion. A fused row is each block's normalised row, in fitted block order, followed by one
/// 1/0 presence indicator per block listed in <see cref="PresenceIndicators"/> (in fitted block order).
/// </summary>
public sealed class EarlyFusionModel
{
    /// <summary>A fusion of the blocks <paramref name="normalizers"/> fitted, in that order, with a presence column for
    /// each block named in <paramref name="presenceIndicators"/>.</summary>
    [JsonConstructor]
    public EarlyFusionModel(IReadOnlyList<FittedNormalizer> normalizers, IReadOnlyList<string> presenceIndicators)
    {
        ArgumentNullException.ThrowIfNull(normalizers);
        ArgumentNullException.ThrowIfNull(presenceIndicators);
        if (normalizers.Count == 0)
            throw new ArgumentException("Early fusion needs at least one block.", nameof(normalizers));
        var names = normalizers.Select(n => n.Modality).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException($"Duplicate block names: {string.Join(", ", names)}.", nameof(normalizers));
        if (presenceIndicators.Any(p => !names.Contains(p, StringComparer.Ordinal)))
            throw new ArgumentException("A presence indicator names a block that is not fused.", nameof(presenceIndicators));
        Normalizers = normalizers.ToArray();
        // Indicator order follows block order whatever order they were listed in.
        PresenceIndicators = names.Where(n => presenceIndicators.Contains(n, StringComparer.Ordinal)).ToArray();
        Dimension = Normalizers.Sum(n => n.Dimension) + PresenceIndicators.Count;
    }

    /// <summary>One per block, in fused order.</summary>
    public IReadOnlyList<FittedNormalizer> Normalizers { get; }

    /// <summary>Blocks that get a presence column: those with an absent row in training.</summary>
    public IReadOnlyList<string> PresenceIndicators { get; }

    /// <summary>The width of a fused row: every block's dimension plus the presence columns.</summary>
    [JsonIgnore]
    public int Dimension { get; }

    /// <summary>The fused blocks' names, in fused order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> BlockNames => Normalizers.Select(n => n.Modality).ToArray();

    /// <summary>
    /// A name per fused column: "block:name" where <paramref name="blockFeatureNames"/> gives the block's
    /// names (e.g. <see cref="TabularModel.FeatureNames"/>), else "block:index"; indicators are "block:present".
    /// </summary>
    public IReadOnlyList<string> FeatureNames(IReadOnlyDictionary<string, IReadOnlyList<string>>? blockFeatureNames = null)
    {
        var names = new List<string>(Dimension);
        foreach (var n in Normalizers)
        {
            var own = blockFeatureNames?.GetValueOrDefault(n.Modality);
            if (own is not null && own.Count != n.Dimension)
                throw new ArgumentException($"{own.Count} names given for block '{n.Modality}' of {n.Dimension} dims.", nameof(blockFeatureNames));
            for (var c = 0; c < n.Dimension; c++)
                names.Add($"{n.Modality}:{own?[c] ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        names.AddRange(PresenceIndicators.Select(p => $"{p}:present"));
        return names;
    }

    /// <summary>Fused rows for any rows. Blocks are matched to the fitted ones by name; their order does not matter.</summary>
    /// <exception cref="ArgumentException">Blocks missing, unexpected, of another extractor or dimension, or of different lengths.</exception>
    public float[][] Transform(IReadOnlyList<FeatureBlock> blocks)
    {
        var count = CheckBlocks(blocks);
        var byName = blocks.ToDictionary(b => b.Modality, StringComparer.Ordinal);
        var fitted = BlockNames;
        var missing = fitted.Where(n => !byName.ContainsKey(n)).ToArray();
        var extra = byName.Keys.Where(n => !fitted.Contains(n, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            throw new ArgumentException(
                $"The blocks do not match the fitted ones (fitted: {string.Join(", ", fitted)}; given: {string.Join(", ", byName.Keys)}).",
                nameof(blocks));

        var fused = new float[count][];
        for (var r = 0; r < count; r++)
            fused[r] = new float[Dimension];
        var offset = 0;
        foreach (var normalizer in Normalizers)
        {
            var normalized = normalizer.Transform(byName[normalizer.Modality]);
            for (var r = 0; r < count; r++)
                normalized.Rows[r].CopyTo(fused[r], offset);
            offset += normalizer.Dimension;
        }
        foreach (var name in PresenceIndicators)
        {
            var present = byName[name].Present;
            for (var r = 0; r < count; r++)
                fused[r][offset] = present[r] ? 1f : 0f;
            offset++;
        }
        return fused;
    }

    /// <summary>The fitted state as JSON, for the model file.</summary>
    public JsonNode ToJson() => PreprocessingJson.ToNode(this);

    /// <summary>Restores a model from the JSON <see cref="ToJson"/> wrote; malformed JSON is an
    /// <see cref="InvalidDataException"/>.</summary>
    public static EarlyFusionModel FromJson(JsonNode node) => PreprocessingJson.FromNode<EarlyFusionModel>(node, "early-fusion model");

    /// <summary>Checks there are blocks with distinct names and one common row count; returns it.</summary>
    internal static int CheckBlocks(IReadOnlyList<FeatureBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
            throw new ArgumentException("No feature blocks given.", nameof(blocks));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (!names.Add(b.Modality))
                throw new ArgumentException($"Block '{b.Modality}' is given twice.", nameof(blocks));
            if (b.Count != blocks[0].Count)
                throw new ArgumentException($"Block '{b.Modality}' has {b.Count} rows but '{blocks[0].Modality}' has {blocks[0].Count}.", nameof(blocks));
        }
        return blocks[0].Count;
    }
}
