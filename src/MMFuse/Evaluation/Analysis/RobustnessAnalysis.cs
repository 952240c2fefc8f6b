using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Missing-rate and noise curves per block, predicted with the fold models (no retraining). The rows made absent
/// are nested: per (fold, block) one seeded permutation of the test rows, rate r masks its first round(r·n), so a
/// higher rate always masks a superset and the curve is not jagged from re-drawing rows.
/// </summary>
internal static class RobustnessAnalysis
{
    public static IReadOnlyList<RobustnessCurve> Compute(FoldModels models, string metric, AnalysisOptions options, NoiseProviders? noise, int seed)
    {
        var full = models.Clean.Metrics[metric].Mean;
        var curves = new List<RobustnessCurve>();
        var names = models.BlockNames;
        for (var index = 0; index < names.Count; index++)
        {
            var block = index;
            var orders = models.Folds.Select(f => Permutation(f.Fold.Test.Length, Splitter.DeriveSeed(Splitter.DeriveSeed(seed, f.Position), block))).ToArray();
            var missing = options.MissingRates.Select(rate => rate == 0 ? full : models.MeanMetric(metric, fold =>
            {
                var order = orders[fold.Position];
                return fold.Masked(block, order.Take((int)Math.Round(rate * order.Length, MidpointRounding.AwayFromZero)));
            })!.Value).ToArray();
            curves.Add(new RobustnessCurve(names[index], RobustnessCurve.Missing, options.MissingRates, missing,
                RobustnessCurve.AreaUnder(options.MissingRates, missing)));

            var levels = new List<double> { full };
            for (var level = 1; level <= options.NoiseLevels; level++)
            {
                if (models.MeanMetric(metric, fold => Noisy(fold, block, level, options, noise, seed) is { } b ? fold.With(block, b) : null) is not { } value)
                    break;
                levels.Add(value);
            }
            if (levels.Count == options.NoiseLevels + 1)
            {
                var x = Enumerable.Range(0, levels.Count).Select(l => (double)l / options.NoiseLevels).ToArray();
                curves.Add(new RobustnessCurve(names[index], RobustnessCurve.Noise, x, levels, RobustnessCurve.AreaUnder(x, levels)));
            }
        }
        return curves;
    }

    private static FeatureBlock? Noisy(FoldModel fold, int index, int level, AnalysisOptions options, NoiseProviders? noise, int seed)
    {
        var clean = fold.TestBlocks[index];
        var rows = fold.Fold.Test;
        if (clean.Modality == TabularModel.BlockName && fold.TabularNoise is { HasNumericColumns: true } tabular)
        {
            var foldSeed = Splitter.DeriveSeed(Splitter.DeriveSeed(seed, fold.Position), level);
            return tabular.Apply(clean, options.TabularNoiseStd[level - 1], foldSeed);
        }
        if (fold.Test.TfidfText.Any(t => t.Column == clean.Modality))
        {
            if (noise?.Texts?.Invoke(clean.Modality, level, rows) is not { } texts)
                return null;
            if (texts.Count != rows.Length)
                throw new ArgumentException($"The noisy text provider gave {texts.Count} texts for column '{clean.Modality}' and {rows.Length} rows.");
            var noisy = fold.Test with
            {
                TfidfText = fold.Test.TfidfText.Select(t => t.Column == clean.Modality ? (t.Column, texts) : t).ToArray(),
            };
            return fold.Features.Transform(noisy).First(b => b.Modality == clean.Modality);
        }
        if (noise?.Features?.Invoke(clean.Modality, level, rows) is not { } block)
            return null;
        if (block.Modality != clean.Modality || block.Count != rows.Length || block.Dimension != clean.Dimension
            || block.Rows.Any(r => r.Length != clean.Dimension) || block.Present.Length != rows.Length)
            throw new ArgumentException(
                $"The noisy features provider gave block '{block.Modality}' ({block.Count} rows × {block.Dimension}) " +
                $"for '{clean.Modality}' ({rows.Length} rows × {clean.Dimension}).");
        return block;
    }

    private static int[] Permutation(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
