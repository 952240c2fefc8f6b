using MMFuse.Features;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Where noisy inputs come from (the caller re-extracts them: image pixel noise, audio white noise at falling SNR…).
/// Each is called with (block or text column, level 1..<see cref="AnalysisOptions.NoiseLevels"/>, data-set row
/// indices of one fold's test rows) and returns null when it defines no noise for that block.
/// <see cref="Features"/> returns the block as the model sees it (pretrained extractor output, one row per given
/// row, the clean block's dimension). <see cref="Texts"/> returns the noisy raw texts of a tf-idf column (e.g.
/// word dropout), which are put through the fold's fitted tf-idf. The tabular block's noise is built in.
/// Calls are made from one thread at a time.
/// </summary>
public sealed record NoiseProviders(
    Func<string, int, int[], FeatureBlock?>? Features = null,
    Func<string, int, int[], IReadOnlyList<string?>?>? Texts = null);
