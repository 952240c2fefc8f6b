using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Evaluation.Tuning;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Tests.Evaluation.Analysis;

namespace MMFuse.Tests.Evaluation.Tuning;

public sealed class TunerTests
{
    /// <summary>Scores a configuration by how close its learning rate is to one that "works", recording every fold it is handed.</summary>
    private sealed class OneRateWorks(double rate) : ITrialObjective
    {
        public List<(int Trial, Fold Fold)> Calls { get; } = [];

        public string Metric => "accuracy";

        public double Score(TrialConfig config, Fold fold)
        {
            lock (Calls)
                Calls.Add((config.Id, fold));
            return Quality(config, rate) + 1e-4 * fold.Index;
        }

        public static double Quality(TrialConfig config, double rate) =>
            config.Values.TryGetValue("learning_rate", out var lr) ? 1 - Math.Abs(Math.Log10(lr) - Math.Log10(rate)) : 0;
    }

    private static (FeatureSet Features, float[] Targets, IReadOnlyList<Fold> Folds) Data() => AnalysisTestData.Make(rows: 90);

    private static int[] Classes(float[] targets) => targets.Select(t => (int)t).ToArray();

    [Fact]
    public void Successive_halving_keeps_the_best_third_per_rung_and_chooses_the_best_configuration()
    {
        var (features, targets, _) = Data();
        var space = SearchSpace.For("early/mlp", null, null, features);
        var objective = new OneRateWorks(3e-3);
        var rows = Enumerable.Range(0, targets.Length).ToArray();

        var result = Tuner.Run(space, objective, rows, Classes(targets), new TuningOptions(Trials: 12, Seed: 5));

        Assert.Equal([1, 3], result.RungFolds);
        Assert.Equal(12, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.True(t.Rung >= 0));
        // Rung 0 scores all 12 on one fold; the best ceil(12/3) = 4 go on to all three folds.
        var survivors = result.Trials.Where(t => t.Rung == 1).Select(t => t.Config.Id).Order().ToList();
        var bestFour = result.Trials.OrderByDescending(t => OneRateWorks.Quality(t.Config, 3e-3)).Take(4).Select(t => t.Config.Id).Order().ToList();
        Assert.Equal(bestFour, survivors);
        Assert.Equal(12 + 4 * 2, objective.Calls.Count);
        var truth = result.Trials.MaxBy(t => OneRateWorks.Quality(t.Config, 3e-3))!.Config.Id;
        Assert.Equal(truth, result.Best.Id);
        Assert.Contains("learning_rate", result.BestSettings.Keys);
        Assert.False(result.BudgetExhausted);
    }

    [Fact]
    public void The_first_trial_is_the_untuned_defaults_and_the_same_seed_samples_the_same_configurations()
    {
        var (features, _, _) = Data();
        var space = SearchSpace.For("early/logreg", null, null, features);

        var a = space.Sample(8, seed: 11);
        var b = space.Sample(8, seed: 11);
        var c = space.Sample(8, seed: 12);

        Assert.Empty(a[0].Values);
        Assert.Equal(a.Select(t => t.Values["l2"]).Skip(1), b.Select(t => t.Values["l2"]).Skip(1));
        Assert.NotEqual(a.Select(t => t.Values.GetValueOrDefault("l2")).Skip(1), c.Select(t => t.Values.GetValueOrDefault("l2")).Skip(1));
        Assert.All(a.Skip(1), t => Assert.InRange(t.Values["l2"], 1e-3, 10));
    }

    [Fact]
    public void Tuning_with_a_seed_gives_the_same_trials_and_choice_at_any_parallelism()
    {
        var (features, targets, folds) = Data();
        var work = new FoldWork(features, targets, TaskKind.Multiclass, 3, folds, NormalizeMode.ZScore, 7);
        var space = SearchSpace.For("early/logreg", null, null, features);
        var options = new TuningOptions(Trials: 5, Seed: 3);

        var one = Tuner.Run(space, new FoldObjective(work, space), folds[0].Train, Classes(targets), options, parallelism: 1);
        var two = Tuner.Run(space, new FoldObjective(work, space), folds[0].Train, Classes(targets), options, parallelism: 2);

        Assert.Equal(one.Best.Id, two.Best.Id);
        Assert.Equal(one.Trials.Select(t => t.FoldScores), two.Trials.Select(t => t.FoldScores));
        Assert.Equal(one.Trials.Select(t => t.Settings), two.Trials.Select(t => t.Settings));
    }

    [Fact]
    public void The_tuner_only_ever_sees_the_outer_training_rows()
    {
        var (features, targets, folds) = Data();
        var space = SearchSpace.For("early/mlp", null, null, features);
        foreach (var fold in folds)
        {
            var objective = new OneRateWorks(1e-3);
            Tuner.Run(space, objective, fold.Train, Classes(targets), new TuningOptions(Trials: 6, Seed: 1));

            var train = fold.Train.ToHashSet();
            Assert.NotEmpty(objective.Calls);
            foreach (var (_, inner) in objective.Calls)
            {
                Assert.All(inner.Train.Concat(inner.Test), r => Assert.Contains(r, train));
                Assert.Empty(inner.Train.Intersect(inner.Test));
            }
            // Together the inner test parts cover the outer training rows exactly once.
            var innerTests = objective.Calls.Select(c => c.Fold).DistinctBy(f => f.Index).SelectMany(f => f.Test).Order().ToArray();
            Assert.Equal(fold.Train, innerTests);
            Assert.Empty(fold.Test.Intersect(innerTests));
        }
    }

    [Fact]
    public void A_time_budget_stops_the_tuner_and_it_reports_the_trials_it_ran()
    {
        var (features, targets, _) = Data();
        var space = SearchSpace.For("early/mlp", null, null, features);
        var slow = new SlowObjective();

        var result = Tuner.Run(space, slow, Enumerable.Range(0, targets.Length).ToArray(), Classes(targets), new TuningOptions(Minutes: 0.01, Seed: 2));

        Assert.True(result.BudgetExhausted);
        var scored = result.Trials.Count(t => t.Rung >= 0);
        Assert.InRange(scored, 1, TuningOptions.MinutesOnlyTrials - 1);
        Assert.Equal(slow.Calls, result.Trials.Sum(t => t.FoldScores.Count));
        Assert.True(result.Trials.First(t => t.Config.Id == result.Best.Id).Rung >= 0);
    }

    private sealed class SlowObjective : ITrialObjective
    {
        private int _calls;

        public int Calls => _calls;

        public string Metric => "accuracy";

        public double Score(TrialConfig config, Fold fold)
        {
            Interlocked.Increment(ref _calls);
            Thread.Sleep(40);
            return config.Id % 7;
        }
    }

    [Fact]
    public void Nested_tuning_scores_each_outer_fold_with_the_configuration_chosen_inside_it()
    {
        var (features, targets, folds) = Data();
        var work = new FoldWork(features, targets, TaskKind.Multiclass, 3, folds, NormalizeMode.ZScore, 7);
        var space = SearchSpace.For("early/logreg", null, null, features);

        var (result, tunings) = TunedCrossValidation.Run(work, space, new TuningOptions(Trials: 4, Seed: 1), parallelism: 2);

        Assert.Equal("tuned:early/logreg", result.Strategy);
        Assert.Equal(folds.Count, tunings.Count);
        Assert.All(tunings.Zip(folds), p => Assert.Equal(p.Second.Train.Length, p.First.Rows));
        Assert.Equal(tunings.Select(t => t.OuterScore!.Value), result.Metrics["accuracy"].PerFold);
        Assert.True(result.Metrics["accuracy"].Mean > 0.8, $"accuracy {result.Metrics["accuracy"].Mean}");
    }

    [Fact]
    public void The_ensemble_has_no_search_space_and_an_unknown_learner_is_refused_clearly()
    {
        var (features, _, _) = Data();
        Assert.Contains("ensemble", Assert.Throws<MMFuseInputException>(() => SearchSpace.For("ensemble", null, null, features)).Message);
        Assert.Throws<MMFuseInputException>(() => SearchSpace.For("early/nope", null, null, features));
        Assert.Throws<MMFuseInputException>(() => new TuningOptions(Trials: 0).Validate());
    }
}
