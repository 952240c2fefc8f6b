using MMFuse.Data;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Evaluation.Analysis;

public sealed class RobustnessCurveTests
{
    private static readonly AnalysisOptions Fast = new() { BootstrapSamples = 20, Ablation = false };

    [Fact]
    public void Missing_the_informative_block_falls_monotonically_to_chance_while_the_noise_block_stays_flat()
    {
        var (features, targets, folds) = AnalysisTestData.Make();
        var result = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1, Fast);

        var a = result.Robustness.Single(c => c.Block == "a" && c.Kind == RobustnessCurve.Missing);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], a.X);
        Assert.Equal(result.Metrics["accuracy"].Mean, a.Metric[0]);
        Assert.True(a.Metric[^1] < 1.0 / 3 + 0.15, $"accuracy with a always missing: {a.Metric[^1]}");
        for (var i = 1; i < a.Metric.Count; i++)
            Assert.True(a.Metric[i] <= a.Metric[i - 1] + 0.03, $"curve rises at {a.X[i]}: {string.Join(", ", a.Metric)}");
        // The last point is the reliance experiment.
        Assert.Equal(result.Contributions.Single(c => c.Block == "a").RelianceMetric, a.Metric[^1], 12);

        var b = result.Robustness.Single(c => c.Block == "b" && c.Kind == RobustnessCurve.Missing);
        Assert.True(b.Metric.Max() - b.Metric.Min() < 0.1, string.Join(", ", b.Metric));
        Assert.True(b.Area > a.Area + 0.2, $"areas a {a.Area}, b {b.Area}");
        // No provider and no tabular block: no noise curves.
        Assert.DoesNotContain(result.Robustness, c => c.Kind == RobustnessCurve.Noise);
    }

    [Fact]
    public void The_tabular_noise_curve_is_built_in_and_falls_as_the_noise_grows()
    {
        var (features, targets, folds) = AnalysisTestData.Make();
        // The tabular block alone: its numeric column carries the class, its categorical one does not.
        var set = features with { Pretrained = [], Tabular = AnalysisTestData.InformativeTabular(targets) };
        var options = Fast with { TabularNoiseStd = [0.5, 1, 2, 4] };
        var result = AnalysisRunner.Run(set, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1, options);

        var noise = result.Robustness.Single(c => c.Block == TabularModel.BlockName && c.Kind == RobustnessCurve.Noise);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], noise.X);
        Assert.True(noise.Metric[0] > 0.9, string.Join(", ", noise.Metric));
        Assert.True(noise.Metric[^1] < noise.Metric[0] - 0.3, string.Join(", ", noise.Metric));
        Assert.True(noise.Metric[1] >= noise.Metric[^1], string.Join(", ", noise.Metric));

        var again = AnalysisRunner.Run(set, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1, options);
        Assert.Equal(noise.Metric, again.Robustness.Single(c => c.Block == TabularModel.BlockName && c.Kind == RobustnessCurve.Noise).Metric);
    }

    [Fact]
    public void A_noisy_features_provider_gives_a_curve_for_its_block_only()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 90);
        var clean = features.Pretrained[0];
        var calls = new List<(string, int)>();
        // Level l replaces a share l/4 of each row's "a" values by the other class pattern's: accuracy must fall.
        FeatureBlock? Provider(string block, int level, int[] rows)
        {
            calls.Add((block, level));
            if (block != "a")
                return null;
            var noisy = rows.Select(r => clean.Rows[r].Select((v, d) => d < level ? 3f - v : v).ToArray()).ToArray();
            return clean with { Rows = noisy, Present = rows.Select(r => clean.Present[r]).ToArray() };
        }
        var result = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1,
            Fast, new NoiseProviders(Features: Provider));

        var curve = result.Robustness.Single(c => c.Kind == RobustnessCurve.Noise);
        Assert.Equal("a", curve.Block);
        Assert.True(curve.Metric[^1] < curve.Metric[0] - 0.3, string.Join(", ", curve.Metric));
        Assert.Contains(("b", 1), calls);
        Assert.DoesNotContain(("b", 2), calls); // undefined at level 1: not asked again
    }

    [Fact]
    public void Noisy_texts_go_through_the_fold_s_tfidf()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 90);
        string[] words = ["apple", "river", "stone"];
        string Text(int row, bool drop) => (drop ? "" : words[(int)targets[row]] + " ") + "the same filler words";
        var set = features with { Pretrained = [features.Pretrained[1]], TfidfText = [("t", Enumerable.Range(0, 90).Select(r => (string?)Text(r, false)).ToArray())] };
        // Level l drops the class word from the rows whose index mod 4 is below l: at level 4 from every row.
        IReadOnlyList<string?> Texts(string column, int level, int[] rows) => rows.Select(r => (string?)Text(r, r % 4 < level)).ToArray();
        var result = AnalysisRunner.Run(set, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1,
            Fast, new NoiseProviders(Texts: Texts));

        var curve = result.Robustness.Single(c => c.Block == "t" && c.Kind == RobustnessCurve.Noise);
        Assert.True(curve.Metric[0] > 0.9, string.Join(", ", curve.Metric));
        Assert.True(curve.Metric[^1] < 1.0 / 3 + 0.15, string.Join(", ", curve.Metric));
    }

    [Fact]
    public void A_provider_block_of_the_wrong_shape_is_refused()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60);
        FeatureBlock? Provider(string block, int level, int[] rows) => new(block, "x", 2, rows.Select(_ => new float[2]).ToArray(), rows.Select(_ => true).ToArray());
        var error = Assert.Throws<ArgumentException>(() => AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(),
            NormalizeMode.ZScore, 1, Fast, new NoiseProviders(Features: Provider)));
        Assert.Contains("noisy features provider", error.Message);
    }

    [Fact]
    public void The_area_of_a_flat_curve_is_its_value_and_a_ramp_gives_its_mean()
    {
        Assert.Equal(0.7, RobustnessCurve.AreaUnder([0, 0.2, 0.4, 0.6, 0.8, 1], [0.7, 0.7, 0.7, 0.7, 0.7, 0.7]), 12);
        Assert.Equal(0.5, RobustnessCurve.AreaUnder([0, 0.5, 1], [1, 0.5, 0]), 12);
        Assert.Equal(0.4, RobustnessCurve.AreaUnder([0, 1, 4], [0.4, 0.4, 0.4]), 12); // x span rescaled to [0, 1]
        Assert.Throws<ArgumentException>(() => RobustnessCurve.AreaUnder([0], [1]));
    }

    [Fact]
    public void Effective_robustness_is_the_gap_to_the_reference_curve_of_the_same_block_and_kind()
    {
        RobustnessCurve[] curves = [new("a", "missing", [0, 1], [0.9, 0.5], 0.7), new("b", "noise", [0, 1], [0.9, 0.9], 0.9)];
        RobustnessCurve[] reference = [new("a", "missing", [0, 1], [0.9, 0.3], 0.6), new("b", "missing", [0, 1], [0.9, 0.9], 0.9)];
        var gaps = RobustnessCurve.AgainstReference(curves, reference);
        Assert.Equal(0.1, gaps[0].EffectiveRobustness!.Value, 12);
        Assert.Null(gaps[1].EffectiveRobustness);
    }
}
