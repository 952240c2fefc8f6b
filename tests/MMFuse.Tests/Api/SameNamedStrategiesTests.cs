using MMFuse.Data;
using MMFuse.Fusion;

namespace MMFuse.Tests.Api;

/// <summary><c>early/logreg</c> and <c>Strategies.WithAbsence(early/logreg)</c> share a name; each leaderboard row must
/// still hold its own strategy object and its own random-fold score.</summary>
public sealed class SameNamedStrategiesTests
{
    [Fact]
    public void Each_row_keeps_its_own_strategy_object_when_two_strategies_share_a_name()
    {
        using var dir = new TempDirectory();
        var options = new DatasetOptions
        {
            CacheFolder = dir.File("cache"),
            Threads = 2,
            Groups = new GroupTable(TestPaths.Samples("avdigits", "avdigits_meta.csv"), "id", "base_voice"),
        };
        var data = MultimodalDataset.Load(TestPaths.Samples("avdigits", "avdigits.csv"), label: "digit", options);
        var early = Strategies.Early(Learner.LogReg());
        var absent = Strategies.WithAbsence(early);
        Assert.Equal(early.Name, absent.Name);

        var board = data.Compare([early, absent], Split.GroupKFold(3), new EvaluationOptions { Selection = Selection.Flat });

        Assert.Equal(2, board.Rows.Count);
        Assert.Contains(board.Rows, r => ReferenceEquals(r.Strategy, early));
        Assert.Contains(board.Rows, r => ReferenceEquals(r.Strategy, absent));
        foreach (var row in board.Rows)
            Assert.Same(row.Strategy, row.Result.StrategyObject);
        // Absence training sees extra rows, so the two strategies' predictions (and scores) differ: a row mapped to the
        // other strategy's object would carry the other's numbers.
        Assert.NotEqual(board.Rows[0].Result.FoldPredictions, board.Rows[1].Result.FoldPredictions);
        var alone = data.Compare([absent], Split.GroupKFold(3), new EvaluationOptions { Selection = Selection.Flat });
        var absentRow = board.Rows.Single(r => ReferenceEquals(r.Strategy, absent));
        Assert.Equal(alone.Rows[0].MainMetric, absentRow.MainMetric);
        Assert.Equal(alone.Rows[0].RandomFolds, absentRow.RandomFolds);
    }
}
