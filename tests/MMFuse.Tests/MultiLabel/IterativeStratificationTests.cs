using MMFuse.Evaluation;
using MMFuse.Evaluation.MultiLabel;

namespace MMFuse.Tests.MultiLabel;

/// <summary>Iterative stratification keeps each label's share in every fold far closer to the whole table's than
/// plain random k-fold does, on a table with rare and common labels.</summary>
public sealed class IterativeStratificationTests
{
    [Fact]
    public void Folds_keep_label_proportions_better_than_random_folds()
    {
        var sets = Table(rows: 300, seed: 3);
        double Deviation(IReadOnlyList<Fold> folds) => folds.Average(f => Enumerable.Range(0, sets[0].Length).Average(l =>
            Math.Abs(f.Test.Count(i => sets[i][l]) / (double)f.Test.Length - sets.Count(s => s[l]) / (double)sets.Length)));
        double iterative = 0, random = 0;
        for (var seed = 0; seed < 5; seed++)
        {
            iterative += Deviation(Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 5, Seed: seed), sets.Length, labelSets: sets));
            random += Deviation(Splitter.Split(new SplitSpec(SplitKind.KFold, 5, Seed: seed), sets.Length));
        }
        Assert.True(iterative < random / 2, $"mean |fold share - share|: iterative {iterative / 5:F4}, random {random / 5:F4}");
    }

    [Fact]
    public void Every_row_is_tested_once_and_folds_have_near_equal_sizes_and_the_seed_decides()
    {
        var sets = Table(rows: 103, seed: 5);
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 4, Seed: 9), sets.Length, labelSets: sets);
        Assert.Equal(Enumerable.Range(0, sets.Length), folds.SelectMany(f => f.Test).Order());
        Assert.InRange(folds.Max(f => f.Test.Length) - folds.Min(f => f.Test.Length), 0, 3);
        var again = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 4, Seed: 9), sets.Length, labelSets: sets);
        Assert.Equal(folds.Select(f => f.Test), again.Select(f => f.Test));
    }

    [Fact]
    public void A_rare_label_is_spread_over_the_folds()
    {
        var sets = Table(rows: 200, seed: 7);
        var rare = Enumerable.Range(0, sets[0].Length).OrderBy(l => sets.Count(s => s[l])).First();
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 5, Seed: 1), sets.Length, labelSets: sets);
        var perFold = folds.Select(f => f.Test.Count(i => sets[i][rare])).ToArray();
        Assert.True(perFold.Max() - perFold.Min() <= 1, string.Join(",", perFold));
    }

    /// <summary>Five labels with shares from 4 % to 50 %, drawn independently.</summary>
    private static bool[][] Table(int rows, int seed)
    {
        var random = new Random(seed);
        double[] shares = [0.04, 0.1, 0.2, 0.35, 0.5];
        return Enumerable.Range(0, rows).Select(_ => shares.Select(s => random.NextDouble() < s).ToArray()).ToArray();
    }
}
