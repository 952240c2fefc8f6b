using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Tests.Evaluation.Analysis;
using MMFuse.Tests.Fusion;

namespace MMFuse.Tests.Evaluation;

public sealed class TestTimeMissingTests
{
    [Fact]
    public void Blanking_depends_on_seed_row_and_modality_only_and_never_empties_a_row()
    {
        var blocks = FusionTestData.Make(rows: 2000, absentShare: 0).Blocks;
        var rows = Enumerable.Range(0, 2000).ToArray();
        var missing = new TestTimeMissing(new Dictionary<string, double> { ["a"] = 0.5, [TestTimeMissing.Every] = 0.3 }, Seed: 4);

        var once = missing.Apply(blocks, rows);
        var again = missing.Apply(blocks, rows);
        // The same rows seen through another fold's index order are blanked the same way.
        var reversed = missing.Apply(blocks.Select(b => b with { Present = b.Present.Reverse().ToArray() }).ToArray(), rows.Reverse().ToArray());

        Assert.Equal(once.Select(b => b.Present), again.Select(b => b.Present));
        Assert.Equal(once[0].Present, reversed[0].Present.Reverse());
        Assert.All(rows, r => Assert.True(once[0].Present[r] || once[1].Present[r]));
        // Asked 0.5 and 0.3; a row that would lose both (0.15) keeps one of them, drawn: 0.425 and 0.225.
        Assert.InRange(once[0].Present.Count(p => !p) / 2000.0, 0.38, 0.47);
        Assert.InRange(once[1].Present.Count(p => !p) / 2000.0, 0.18, 0.27);
        Assert.NotEqual(once[0].Present, new TestTimeMissing(missing.Shares, Seed: 5).Apply(blocks, rows)[0].Present);
    }

    [Fact]
    public void Scores_per_presence_subset_are_reported_and_an_ensemble_from_members_gets_the_same_subsets()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 90);
        var missing = new TestTimeMissing(new Dictionary<string, double> { [TestTimeMissing.Every] = 0.4 }, Seed: 1);
        IFusionStrategy[] members = [new EarlyFusionStrategy("logreg"), new LateFusionStrategy("logreg")];
        var ranked = Comparison.Run(features, targets, TaskKind.Multiclass, 3, folds, [.. members, new EnsembleStrategy("ensemble", members)],
            NormalizeMode.ZScore, 7, 2, testMissing: missing);

        foreach (var result in ranked)
        {
            Assert.NotNull(result.Subsets);
            Assert.Equal(90, result.Subsets.Sum(s => s.Rows));
            Assert.Contains(result.Subsets, s => s.Subset == PresenceSubsets.AllPresent);
            Assert.Contains(result.Subsets, s => s.Subset.StartsWith("only ", StringComparison.Ordinal));
            Assert.Equal(ranked[0].FoldSubsets, result.FoldSubsets);
        }
        var plain = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, members[0], NormalizeMode.ZScore, 7, 2);
        Assert.Null(plain.Subsets);
    }
}
