using System.Globalization;

using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Bench;

/// <summary>
/// Row 3: 5-fold stacking on the exported avdigits features. MMFuse: <see cref="CrossValidator.Run"/> with the
/// strategy the CLI builds for <c>stacking/logreg</c> (<see cref="StrategyCatalog.Parse"/>: bases logreg and gbdt per
/// modality and on the concatenated blocks, gbdt sized by <see cref="StrategyCatalog.StackingBaseGbdt"/>, meta logreg, <see cref="StrategyCatalog.StackingInnerFolds"/>
/// inner folds), z-score, seed 42,
/// 2 folds in parallel. Peer: scikit-learn's StackingClassifier (bench/peers/sklearn_stacking.py) on the blocks side by
/// side, over the same outer folds. Wall time of the whole cross-validation, and mean fold accuracy.
/// </summary>
internal sealed class StackingBench(ExportedFeatures data, string python, string script, int rounds, TextWriter log)
{
    private const int Threads = 2;

    private static MMFuse.Learners.GbdtOptions Gbdt => StrategyCatalog.StackingBaseGbdt;

    /// <summary>The untimed warm-up runs on this many rows: a full run costs a minute here.</summary>
    private const int WarmUpRows = 150;

    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        var folder = Directory.CreateTempSubdirectory("mmfuse-bench-stacking-").FullName;
        try
        {
            Npy.Write(Path.Combine(folder, "x.npy"), data.Concatenated());
            Npy.Write(Path.Combine(folder, "y.npy"), data.Targets.Select(t => (long)t).ToArray());
            Npy.Write(Path.Combine(folder, "test_fold.npy"), data.TestFold());
            var blocks = data.Features.BlockNames.ToList();
            var strategy = StrategyCatalog.Parse("stacking/logreg", null, blocks);
            double ourAccuracy = double.NaN, theirAccuracy = double.NaN;
            var warmUpRows = data.Take(WarmUpRows);
            double Ours(ExportedFeatures rows, out double accuracy)
            {
                var result = CrossValidator.Run(rows.Features, rows.Targets, TaskKind.Multiclass, rows.ClassCount, rows.Folds, strategy,
                    NormalizeMode.ZScore, ExportedFeatures.Seed, Threads);
                accuracy = result.Metrics["accuracy"].Mean;
                return result.Seconds;
            }
            // One thread per worker, two workers: the same layout as MMFuse's two parallel folds.
            using var peer = new PeerProcess("scikit-learn", python, [script, folder],
                new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1", ["OPENBLAS_NUM_THREADS"] = "1", ["PEER_JOBS"] = $"{Threads}",
                    // The peer's sizes come from the CLI's, so the two cannot drift apart.
                    ["PEER_INNER_FOLDS"] = $"{StrategyCatalog.StackingInnerFolds}", ["PEER_GBDT_ROUNDS"] = $"{Gbdt.Iterations}",
                    ["PEER_GBDT_RATE"] = Gbdt.LearningRate.ToString(CultureInfo.InvariantCulture), ["PEER_GBDT_LEAVES"] = $"{Gbdt.Leaves}",
                    ["PEER_GBDT_BINS"] = $"{Gbdt.MaxBinsPerFeature}", ["PEER_GBDT_LEAF_ROWS"] = $"{Gbdt.MinExamplesPerLeaf}",
                    // L-BFGS stops at 200 iterations on both sides; scikit-learn warns each time (the workers inherit this).
                    ["PYTHONWARNINGS"] = "ignore" });
            log.WriteLine($"  peer: {peer.Ready}");

            var seconds = Alternation.Seconds(rounds,
            [
                ("MMFuse", () => Ours(data, out ourAccuracy)),
                ("scikit-learn", () =>
                {
                    var answer = peer.Ask("run", "result").Split(' ');
                    theirAccuracy = double.Parse(answer[1], CultureInfo.InvariantCulture);
                    return double.Parse(answer[0], CultureInfo.InvariantCulture);
                }),
            ], log,
            [
                () => Ours(warmUpRows, out _),
                () => double.Parse(peer.Ask($"warm {WarmUpRows}", "result").Split(' ')[0], CultureInfo.InvariantCulture),
            ]);

            var sides = new[]
            {
                new SideResult($"MMFuse CrossValidator.Run, stacking/logreg (accuracy {ourAccuracy:F4})", "s", seconds[0]),
                new SideResult($"scikit-learn StackingClassifier (accuracy {theirAccuracy:F4})", "s", seconds[1]),
            };
            var checks = new[]
            {
                new CheckResult("MMFuse / scikit-learn time", Stats.Ratios(sides[0], sides[1]), 1.0, false, "≤ 1.0×",
                    $"MMFuse fits every base per modality and on the joined blocks ((2 modalities + 1 joined) × 2 bases × {StrategyCatalog.StackingInnerFolds + 1} fits per outer fold, " +
                    $"{6 * (StrategyCatalog.StackingInnerFolds + 1)} learners against scikit-learn's {2 * (StrategyCatalog.StackingInnerFolds + 1)} on the joined features), and each ML.NET fit pays for its own data view, schema and " +
                    "LightGBM dataset construction; see the notes for the per-fit cost."),
                new CheckResult("MMFuse − scikit-learn accuracy", [ourAccuracy - theirAccuracy], 0, true, "≥ 0",
                    "MMFuse's bases include scikit-learn's two on the joined columns (StackingBases.Both), so the remaining gap is the " +
                    "learners' implementations (ML.NET L-BFGS and LightGBM against scikit-learn's lbfgs and HistGradientBoosting) and the " +
                    "meta-learner's wider input (60 probabilities + 2 presence flags against 20).", Unit: ""),
            };
            var notes = new List<string>
            {
                $"{data.Rows} rows, {data.Features.Pretrained.Count} blocks ({string.Join(", ", data.Features.Pretrained.Select(b => $"{b.Modality} {b.Dimension}-d"))}) " +
                $"read from the `mmfuse extract --export` Parquet file; the same stratified 5-fold outer split (seed {ExportedFeatures.Seed}) on both sides " +
                "(scikit-learn gets MMFuse's fold of every row through PredefinedSplit). Mean fold accuracy: " +
                $"MMFuse {ourAccuracy:F4}, scikit-learn {theirAccuracy:F4}.",
                "MMFuse: the strategy `mmfuse compare --strategies stacking/logreg` builds (StrategyCatalog.Parse): per modality a logreg base " +
                "(ML.NET L-BFGS, L2 1, standardised) and a gbdt base (LightGBM, StrategyCatalog.StackingBaseGbdt: " +
                $"{Gbdt.Iterations} rounds, {Gbdt.Leaves} leaves, rate {Gbdt.LearningRate.ToString(CultureInfo.InvariantCulture)}, {Gbdt.MaxBinsPerFeature} bins), " +
                $"out-of-fold probabilities from an inner stratified {StrategyCatalog.StackingInnerFolds}-fold, then a logreg meta-learner on them " +
                "plus one presence flag per modality; the same two bases also on both blocks side by side (StackingBases.Both, the default); " +
                "blocks z-scored per fold; 2 outer folds in parallel.",
                "scikit-learn: StackingClassifier([StandardScaler+LogisticRegression(C=1, max_iter=200), HistGradientBoostingClassifier(" +
                $"max_iter={Gbdt.Iterations}, learning_rate={Gbdt.LearningRate.ToString(CultureInfo.InvariantCulture)}, max_leaf_nodes={Gbdt.Leaves}, " +
                $"max_bins={Gbdt.MaxBinsPerFeature}, min_samples_leaf={Gbdt.MinExamplesPerLeaf}, early_stopping=False)], " +
                $"final_estimator=StandardScaler+LogisticRegression, cv=StratifiedKFold({StrategyCatalog.StackingInnerFolds}, shuffle, seed 42)); cross_validate with " +
                "n_jobs=2 (two outer folds at once, one OpenMP/BLAS thread each). Peer: " + peer.Ready + ".",
                "A superset of scikit-learn's model: scikit-learn's bases see the image and audio columns side by side (2 bases → 20 " +
                "meta-features); MMFuse has those two bases too and, beside them, one per modality (2 modalities × 2 bases → 40 more " +
                "probabilities + 2 presence flags), which keep a prediction for a row missing a modality and let the meta-learner " +
                "learn how far to trust each modality. `--stacking-bases per-modality` gives the earlier per-modality-only stacking.",
                $"Timed: the whole cross-validation (fit and score of 5 outer folds), inside each process; reading the data and " +
                $"starting Python are outside, and each side warmed up (JIT, native libraries, scikit-learn's worker processes) on {WarmUpRows} rows first. The Parquet export is converted to .npy for Python (Debian 12 packages no pyarrow).",
            };
            return new RowResult("stacking", "Stacking, 5-fold CV on exported avdigits features", $"{data.Rows} rows, {rounds} alternating rounds",
                sides, checks, notes, loadBefore, MachineInfo.LoadAverage());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
