using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Tests.Fusion;

namespace MMFuse.Tests.Evaluation.Analysis;

/// <summary>The fusion test data ("a" informative, "b" noise) as a feature set with stratified 5-fold splits.</summary>
internal static class AnalysisTestData
{
    public static (FeatureSet Features, float[] Targets, IReadOnlyList<Fold> Folds) Make(
        int rows = 150, IReadOnlyList<TabularColumn>? tabular = null, int repeats = 1)
    {
        var data = FusionTestData.Make(rows);
        var features = new FeatureSet(rows, data.Blocks, [], tabular ?? []);
        var folds = Splitter.Split(new SplitSpec(Folds: 5, Repeats: repeats, Seed: 3), rows, data.Targets.Select(t => (int)t).ToArray());
        return (features, data.Targets, folds);
    }

    /// <summary>A numeric column that carries the class (class · 2 + unit noise) and a categorical one that does not.</summary>
    public static IReadOnlyList<TabularColumn> InformativeTabular(float[] targets, int seed = 5)
    {
        var random = new Random(seed);
        return
        [
            new TabularColumn("x", ColumnRole.Numeric, targets.Select(t => (string?)(t * 2 + random.NextDouble()).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
            new TabularColumn("colour", ColumnRole.Categorical, targets.Select((_, i) => (string?)(i % 2 == 0 ? "red" : "blue")).ToArray()),
        ];
    }

    /// <summary>Out-of-fold style predictions: <paramref name="rows"/> rows of 3 classes, right with probability ~<paramref name="accuracy"/>.</summary>
    public static OutOfFoldPredictions Pool(int rows, double accuracy, int seed = 7)
    {
        var random = new Random(seed);
        var targets = Enumerable.Range(0, rows).Select(i => (float)(i % 3)).ToArray();
        var predictions = targets.Select(t =>
        {
            var predicted = random.NextDouble() < accuracy ? (int)t : ((int)t + 1 + random.Next(2)) % 3;
            var top = 0.4 + 0.6 * random.NextDouble();
            return Enumerable.Range(0, 3).Select(c => (float)(c == predicted ? top : (1 - top) / 2)).ToArray();
        }).ToArray();
        return new OutOfFoldPredictions(Enumerable.Range(0, rows).ToArray(), predictions, targets);
    }
}
