using MMFuse.Data;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Reporting.Runs;

/// <summary>
/// Noisy inputs for the robustness curves, re-extracted per level (cached like augmentations): pixel noise for
/// images, white noise for audio, word dropout for text. Pretrained encoders (ResNet18, MiniLM) cost a full
/// extraction per level, so they join only when asked (<c>--noise-all</c>); cheap extractors always do.
/// </summary>
internal sealed class NoiseInputs(PreparedData data, FeatureCache cache, ExtractionOptions extraction, int seed, bool expensiveToo,
    IProgress<MMFuseProgress>? progress, CancellationToken cancel)
{
    private static readonly HashSet<string> Expensive = ["resnet18", "minilm", "resnet18-spectrogram"];
    private readonly Dictionary<(string, int), FeatureBlock> _blocks = [];

    public NoiseProviders Providers => new(Features, Texts);

    private FeatureBlock? Features(string block, int level, int[] rows)
    {
        if (!data.Plan.Pretrained.Contains(block))
            return null;
        var column = data.Table.Schema[block];
        var extractor = column.Role switch
        {
            ColumnRole.Image => data.Plan.Choices.Image,
            ColumnRole.Audio => data.Plan.Choices.Audio,
            _ => "minilm",   // a pretrained text column is always MiniLM's (tf-idf is fitted per fold)
        };
        if (!expensiveToo && Expensive.Contains(extractor))
            return null;
        if (!_blocks.TryGetValue((block, level), out var all))
        {
            var results = ExtractionRunner.Run(data.Table, [column], data.Plan.Choices, cache,
                extraction with { Policy = BadRowPolicy.Missing }, progress, cancel, new NoiseVariant(level, seed));
            all = _blocks[(block, level)] = FeatureBlocks.Subset(results[0].Block, data.Kept);
        }
        return FeatureBlocks.Subset(all, rows);
    }

    private IReadOnlyList<string?>? Texts(string column, int level, int[] rows)
    {
        var texts = data.Features.TfidfText.FirstOrDefault(t => t.Column == column).Texts;
        if (texts is null)
            return null;
        return rows.Select(r => texts[r] is { } text ? NoisyExtractors.NoisyText(text, level, seed) : null).ToArray();
    }
}
