using MMFuse.Data;
using MMFuse.Learners;
using MMFuse.Tests.Learners;

namespace MMFuse.Tests.Weights;

/// <summary>Weights mean what scikit-learn's sample_weight means: a row of weight 2 counts as the row twice.</summary>
public sealed class WeightedLearnerTests
{
    [Fact]
    public void Logreg_with_weight_2_on_some_rows_fits_as_if_they_were_duplicated()
    {
        var data = SyntheticData.Blobs(120, 4, 2, seed: 3, spread: 1.5);
        var twice = Enumerable.Range(0, data.Rows).Where(r => r % 3 == 0).ToArray();
        var duplicated = data with
        {
            Features = data.Features.Concat(twice.Select(r => data.Features[r])).ToArray(),
            Labels = data.Labels.Concat(twice.Select(r => data.Labels[r])).ToArray(),
        };
        var weighted = data with { Weights = Enumerable.Range(0, data.Rows).Select(r => r % 3 == 0 ? 2f : 1f).ToArray() };

        float[] P1(LearnerData d) => LearnerFactory.Create("logreg", TaskKind.Binary, 7).Fit(d).Predict(data.Features).Select(p => p[1]).ToArray();
        var byDuplicates = P1(duplicated);
        var byWeights = P1(weighted);
        var plain = P1(data);

        // The standardisation before the learner is fitted unweighted, so duplicates shift it a little: close, not equal.
        var gap = byDuplicates.Zip(byWeights, (x, y) => Math.Abs(x - y)).Max();
        var moved = byDuplicates.Zip(plain, (x, y) => Math.Abs(x - y)).Max();
        Assert.True(gap < 0.02, $"weights 2 vs duplicated rows differ by up to {gap}");
        Assert.True(moved > 5 * gap, $"duplicating moved the fit by {moved}, weights matched it to {gap}: the test would not tell");
    }

    [Theory]
    [InlineData("logreg")]
    [InlineData("gbdt")]
    [InlineData("forest")]
    public void Regression_learners_follow_the_heavy_rows(string name)
    {
        // Two groups with the same features and targets 0 and 10: the fit lands near the group that weighs more.
        var x = Enumerable.Range(0, 80).Select(r => new[] { (float)(r / 2 % 10) / 10, 0.5f }).ToArray();
        var y = Enumerable.Range(0, 80).Select(r => r % 2 == 0 ? 0f : 10f).ToArray();
        var heavyTens = new LearnerData(x, y, TaskKind.Regression, 0, y.Select(v => v > 5 ? 9f : 1f).ToArray());

        var mean = LearnerCases.Create(name, TaskKind.Regression).Fit(heavyTens).Predict(x).Average(p => p[0]);

        Assert.True(mean > 7, $"{name}: mean prediction {mean}; the weighted mean target is 9");
    }

    [Fact]
    public void Learners_refuse_negative_weights()
    {
        var data = SyntheticData.Blobs(20, 2, 2, seed: 1);
        var bad = data with { Weights = Enumerable.Range(0, 20).Select(r => r == 7 ? -1f : 1f).ToArray() };
        var error = Assert.Throws<ArgumentException>(() => LearnerFactory.Create("logreg", TaskKind.Binary, 1).Fit(bad));
        Assert.Contains("row 7", error.Message);
    }
}
