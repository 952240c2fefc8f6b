using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.ModelSelection;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Tests.Evaluation.ModelSelection;

public sealed class NestedSelectionTests
{
    private const int Rows = 300;

    /// <summary>
    /// Random binary labels and 100 strategies that each guess at random (a fixed coin per row and strategy): every one
    /// is worth chance, 0.5. The flat leaderboard's winner is the luckiest of 100 on the very rows that score it, so it
    /// scores well above chance; the nested procedure picks on the outer training rows only and so scores about chance
    /// on the outer test rows.
    /// </summary>
    [Fact]
    public void Flat_selection_among_useless_strategies_is_optimistic_and_nested_is_not()
    {
        var (features, targets, folds) = RandomLabels();
        var candidates = Enumerable.Range(0, 100).Select(k => (IFusionStrategy)new CoinStrategy(k)).ToArray();

        var all = Comparison.RunAll(features, targets, TaskKind.Binary, 2, folds, candidates, NormalizeMode.None, 7, 2);
        var flatBest = Comparison.ForLeaderboard(all, TaskKind.Binary)[0].Metrics["accuracy"].Mean;
        var nested = NestedSelection.Run(features, targets, TaskKind.Binary, 2, folds, candidates, all, null, NormalizeMode.None, 7, 2,
            new SelectionOptions());

        // One strategy's accuracy over 300 rows has a standard deviation of 0.5 / √300 ≈ 0.029.
        Assert.True(flatBest > 0.55, $"flat best {flatBest}, nested {nested.Metrics["accuracy"].Mean}");
        var honest = nested.Metrics["accuracy"].Mean;
        Assert.True(honest is > 0.44 and < 0.545, $"flat best {flatBest}, nested {honest}");
        Assert.True(flatBest - honest > 0.02, $"flat {flatBest}, nested {honest}");
        Assert.Equal(5, nested.Folds.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_picks_and_scores()
    {
        var (features, targets, folds) = RandomLabels();
        var candidates = Enumerable.Range(0, 8).Select(k => (IFusionStrategy)new CoinStrategy(k)).ToArray();
        var all = Comparison.RunAll(features, targets, TaskKind.Binary, 2, folds, candidates, NormalizeMode.None, 7, 2);

        NestedSelectionResult Once(int parallelism) =>
            NestedSelection.Run(features, targets, TaskKind.Binary, 2, folds, candidates, all, null, NormalizeMode.None, 7, parallelism, new SelectionOptions());
        var first = Once(1);
        var second = Once(2);

        Assert.Equal(first.Folds.Select(f => f.Choice.Strategy.Name), second.Folds.Select(f => f.Choice.Strategy.Name));
        Assert.Equal(first.Metrics["accuracy"].PerFold, second.Metrics["accuracy"].PerFold);
        Assert.Equal(first.Folds.Select(f => f.Predictions), second.Folds.Select(f => f.Predictions));
    }

    [Fact]
    public void Inner_folds_split_only_the_outer_training_rows_and_keep_groups_together()
    {
        var targets = Enumerable.Range(0, 60).Select(i => (float)(i % 2)).ToArray();
        var groups = Enumerable.Range(0, 60).Select(i => $"g{i % 6}").ToArray();
        var train = Enumerable.Range(0, 60).Where(i => i % 6 != 0).ToArray();

        var inner = NestedSelection.InnerFolds(targets, TaskKind.Binary, train, groups, new SelectionOptions(), 3);

        Assert.Equal(3, inner.Count);
        Assert.Equal(train, inner.SelectMany(f => f.Test).Order());
        foreach (var fold in inner)
        {
            Assert.All(fold.Train.Concat(fold.Test), i => Assert.Contains(i, train));
            Assert.Empty(fold.Train.Select(i => groups[i]).Intersect(fold.Test.Select(i => groups[i])));
        }
    }

    private static (FeatureSet Features, float[] Targets, IReadOnlyList<Fold> Folds) RandomLabels()
    {
        var random = new Random(11);
        var targets = Enumerable.Range(0, Rows).Select(_ => (float)random.Next(2)).ToArray();
        // The block holds each row's id, so a strategy's guess for a row is the same in every fold it is tested in.
        var block = new FeatureBlock("id", "test", 1, Enumerable.Range(0, Rows).Select(i => new[] { (float)i }).ToArray(), Enumerable.Repeat(true, Rows).ToArray());
        var folds = Splitter.Split(new SplitSpec(Folds: 5, Seed: 3), Rows, targets.Select(t => (int)t).ToArray());
        return (new FeatureSet(Rows, [block], [], []), targets, folds);
    }

    /// <summary>Guesses a fixed random class per (row id, k), learning nothing.</summary>
    private sealed class CoinStrategy(int k) : IFusionStrategy
    {
        public string Name => $"coin/{k}";

        public string Fusion => "test";

        public IFusionModel Fit(FusionTrainingSet train) => new Model(k);

        private sealed class Model(int k) : IFusionModel
        {
            public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => blocks[0].Rows.Select(r =>
            {
                var p = Mix((ulong)r[0] * 1_000_003UL + (ulong)k) % 2 == 0 ? 0.4f : 0.6f;
                return new[] { p, 1 - p };
            }).ToArray();

            /// <summary>A 64-bit finaliser (MurmurHash3's): nearby inputs give unrelated outputs, unlike seeding Random.</summary>
            private static ulong Mix(ulong x)
            {
                x ^= x >> 33;
                x *= 0xff51afd7ed558ccdUL;
                x ^= x >> 33;
                x *= 0xc4ceb9fe1a85ec53UL;
                return x ^ (x >> 33);
            }

            public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe() => throw new NotSupportedException();
        }
    }
}
