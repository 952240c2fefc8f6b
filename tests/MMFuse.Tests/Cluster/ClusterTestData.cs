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

    /// <summary>A model file's content apart from its creation time: every entry's bytes, model.json without its
    /// <c>created_utc</c> line, and not integrity.json (a digest of model.json, so it follows the time).</summary>
    public static string ModelContent(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return string.Join("\n", zip.Entries.Where(e => e.Name != "integrity.json").Select(e =>
        {
            using var stream = e.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            return e.Name == "model.json"
                ? e.Name + ":" + System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(bytes), "\"created_utc\": \"[^\"]*\"", "")
                : e.Name + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        }));
    }

    /// <summary>Everything a leaderboard says except timings: order, names, every fold's scores and predictions, bit for bit.</summary>
    public static string Fingerprint(Leaderboard board) => string.Join("\n", board.Rows.Select(r =>
        $"{r.Result.Strategy}|{r.MainMetric:R}|"
        + string.Join(";", r.Result.FoldScores.Select(s => string.Join(",", s.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))))
        + "|" + string.Join(";", r.Result.FoldPredictions.SelectMany(f => f).Select(p => string.Join(",", p.Select(v => BitConverter.SingleToInt32Bits(v)))))));
}
