using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Extraction;

namespace MMFuse;

/// <summary>
/// One pretrained column a dataset's extraction computes: its cells, the extractor (by the name the cache and model
/// file know it, <c>auto</c> resolved) and the limits it runs under. What a cluster client splits into shards: vectors it
/// puts in <see cref="CacheFolder"/> under the same keys are then read back by the local extraction, not recomputed.
/// </summary>
/// <param name="Column">The image, audio or text column.</param>
/// <param name="Extractor">Its extractor's name (<c>resnet18</c>, <c>pixels</c>, <c>logmel-grid</c>, <c>minilm</c>, ...).</param>
/// <param name="Options">Decode limits (largest image, longest clip) and the encoder's batch size.</param>
/// <param name="Cells">The column's cells, in table order.</param>
/// <param name="CacheFolder">The feature cache the dataset reads.</param>
public sealed record PlannedExtraction(ColumnSchema Column, string Extractor, ExtractionOptions Options, IReadOnlyList<FeatureCell> Cells, string CacheFolder)
{
    /// <summary>The pretrained extractions of <see cref="MultimodalDataset.Featurize"/> (<paramref name="all"/> false: the
    /// learning plan's columns) or of <see cref="MultimodalDataset.ExtractAll"/> (true: every image, audio and text column).
    /// tf-idf is fitted, not pretrained, and augmented or noisy variants are seeded per run: neither is listed.</summary>
    internal static IReadOnlyList<PlannedExtraction> Of(FeatureTable table, DatasetOptions options, bool all)
    {
        var choices = PreparedData.ResolveChoices(table, options.Extractors, progress: null);
        // Every pretrained column, or only those of the modalities asked for: the plan's rule either way.
        var columns = FeaturePlan.FromSchema(table.Schema, all ? null : options.Modalities, choices).Pretrained.Select(n => table.Schema[n]);
        var extraction = options.ToExtractionOptions();
        var cache = options.CacheFolder ?? Features.Caching.FeatureCache.DefaultFolder();
        return columns.Select(c => new PlannedExtraction(c, c.Role switch
        {
            ColumnRole.Image => choices.Image,
            ColumnRole.Audio => choices.Audio,
            _ => "minilm",
        }, extraction, table.Cells[c.Name], cache)).ToList();
    }
}
