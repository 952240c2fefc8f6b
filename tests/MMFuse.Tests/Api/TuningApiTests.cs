using MMFuse.Evaluation.Tuning;
using MMFuse.Learners;

namespace MMFuse.Tests.Api;

/// <summary>The tuner through the library: EvaluationOptions.Tuning, MultimodalDataset.Tune and TrainTuned, and the
/// tuned model's round trip through its file.</summary>
public sealed class TuningApiTests
{
    private static string Manifest => TestPaths.Samples("avdigits", "avdigits.csv");

    [Fact]
    public void A_tuned_model_round_trips_through_its_file_and_evaluate_with_tuning_equals_tune()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, label: "digit", new DatasetOptions { CacheFolder = dir.File("cache"), Threads = 2 });
        var options = new EvaluationOptions { Tuning = new TuningOptions(Trials: 3, Seed: 9) };

        var viaEvaluate = data.Evaluate(Strategies.Early(Learner.LogReg()), Split.StratifiedKFold(2), options);
        var viaTune = data.Tune(data.SearchSpace("early/logreg"), Split.StratifiedKFold(2), options);
        Assert.Equal("tuned:early/logreg", viaEvaluate.Result.Strategy);
        Assert.Equal(viaTune.Result.FoldPredictions, viaEvaluate.Result.FoldPredictions);
        Assert.Equal(2, viaEvaluate.Tuning!.Count);

        var (model, tuning) = data.TrainTuned(data.SearchSpace("early/logreg", new LogRegOptions(MaxIterations: 100)), options);
        using (model)
        {
            Assert.Equal(3, tuning.Trials.Count);
            Assert.Equal(120, tuning.Rows);
            var path = dir.File("tuned.mmf");
            model.Save(path);
            using var loaded = MultimodalModel.Load(path);
            var before = model.Predict(Manifest, new PredictOptions { CacheFolder = dir.File("cache") });
            var after = loaded.Predict(Manifest, new PredictOptions { CacheFolder = dir.File("cache") });
            Assert.Equal(before.ToCsv(), after.ToCsv());
        }
    }
}
