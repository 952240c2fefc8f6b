using MMFuse.Cluster;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;

namespace MMFuse.Tests.Cluster;

/// <summary>The comparison the cluster tests distribute: three cheap strategies on avdigits (120 rows), 5 folds.</summary>
internal static class ClusterTestData
{
    public static readonly string[] Names = ["early/logreg", "late/logreg", "joint-concat"];

    /// <summary>Three folds keep the added test time modest; 9 jobs still spread over every worker.</summary>
    public const int Folds = 3;

    public static string Manifest => TestPaths.Samples("avdigits", "avdigits.csv");

    /// <summary>Few epochs: the joint network is there to prove torch training is reproduced bit for bit, not to learn.</summary>
    public static MlpOptions Learner { get; } = new(Training: new TrainingOptions(Epochs: 5, Threads: 1));

    public static FusionSettings Settings { get; } = new(Joint: new JointOptions(Training: Learner.Training));

    public static MultimodalDataset Load(TempDirectory dir) =>
        MultimodalDataset.Load(Manifest, label: "digit", new DatasetOptions { CacheFolder = dir.File("cache"), Threads = 2 });

    public static StrategyRecipe Recipe(MultimodalDataset data) => new(Names, Learner, Settings, data.Modalities);

    /// <summary>Everything a leaderboard says except timings: order, names, every fold's scores and predictions, bit for bit.</summary>
    public static string Fingerprint(Leaderboard board) => string.Join("\n", board.Rows.Select(r =>
        $"{r.Result.Strategy}|{r.MainMetric:R}|"
        + string.Join(";", r.Result.FoldScores.Select(s => string.Join(",", s.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))))
        + "|" + string.Join(";", r.Result.FoldPredictions.SelectMany(f => f).Select(p => string.Join(",", p.Select(v => BitConverter.SingleToInt32Bits(v)))))));
}
