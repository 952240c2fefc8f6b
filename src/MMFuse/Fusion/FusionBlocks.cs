using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Fusion;

/// <summary>Checks and look-ups on the per-modality blocks that model-level fusion receives.</summary>
internal static class FusionBlocks
{
    /// <summary>Distinct names, well-formed blocks, one row per target.</summary>
    public static void CheckTraining(FusionTrainingSet train)
    {
        if (train.Blocks.Count == 0)
            throw new ArgumentException("Model-level fusion needs at least one modality block.", nameof(train));
        Check(train.Blocks, train.Rows);
    }

    /// <summary>The blocks named <paramref name="modalities"/>, in that order, all of the same length.</summary>
    public static FeatureBlock[] Select(IReadOnlyList<FeatureBlock> blocks, IReadOnlyList<string> modalities)
    {
        var selected = modalities.Select(m => blocks.FirstOrDefault(b => b.Modality == m)
            ?? throw new ArgumentException(
                $"The model needs block '{m}'; given: {string.Join(", ", blocks.Select(b => b.Modality))}.", nameof(blocks))).ToArray();
        Check(selected, selected.Length == 0 ? 0 : selected[0].Count);
        return selected;
    }

    private static void Check(IReadOnlyList<FeatureBlock> blocks, int rows)
    {
        var names = blocks.Select(b => b.Modality).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException($"Duplicate block names: {string.Join(", ", names)}.", nameof(blocks));
        foreach (var block in blocks)
        {
            FittedNormalizer.CheckShape(block);
            if (block.Count != rows)
                throw new ArgumentException($"Block '{block.Modality}' has {block.Count} rows, expected {rows}.", nameof(blocks));
        }
    }
}
