namespace MMFuse.Features.Preprocessing;

/// <summary>Helpers on lists of feature blocks (kept off the shared <see cref="FeatureBlock"/> record).</summary>
public static class FeatureBlocks
{
    /// <summary>
    /// The rows <paramref name="rowIndices"/> of each block, in that order (repeats allowed). Row arrays are
    /// shared, not copied: the preprocessors never modify their input.
    /// </summary>
    public static IReadOnlyList<FeatureBlock> Subset(IReadOnlyList<FeatureBlock> blocks, IReadOnlyList<int> rowIndices)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return blocks.Select(b => Subset(b, rowIndices)).ToArray();
    }

    /// <summary>The rows <paramref name="rowIndices"/> of <paramref name="block"/>, in that order; row arrays are
    /// shared, not copied.</summary>
    public static FeatureBlock Subset(FeatureBlock block, IReadOnlyList<int> rowIndices)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(rowIndices);
        var rows = new float[rowIndices.Count][];
        var present = new bool[rowIndices.Count];
        for (var i = 0; i < rowIndices.Count; i++)
        {
            var r = rowIndices[i];
            if ((uint)r >= (uint)block.Count)
                throw new ArgumentOutOfRangeException(nameof(rowIndices), r, $"Block '{block.Modality}' has {block.Count} rows.");
            rows[i] = block.Rows[r];
            present[i] = block.Present[r];
        }
        return block with { Rows = rows, Present = present };
    }
}
