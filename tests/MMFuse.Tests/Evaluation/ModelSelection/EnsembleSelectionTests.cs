using MMFuse.Data;
using MMFuse.Evaluation.ModelSelection;
using MMFuse.Fusion;

namespace MMFuse.Tests.Evaluation.ModelSelection;

public sealed class EnsembleSelectionTests
{
    /// <summary>
    /// Binary rows of three kinds, as (A's, B's) probability of the true class: 40 rows (0.9, 0.4), 30 rows (0.4, 0.9),
    /// 20 rows (0.7, 0.2). A alone is right on 60, B on 30, A+B on 70 and only 2·A+B on all 90 — which greedy
    /// selection reaches only by picking A a second time.
    /// </summary>
    [Fact]
    public void Greedy_selection_picks_with_replacement_and_beats_the_best_single_candidate()
    {
        var kinds = Enumerable.Repeat((0.9f, 0.4f), 40).Concat(Enumerable.Repeat((0.4f, 0.9f), 30)).Concat(Enumerable.Repeat((0.7f, 0.2f), 20)).ToArray();
        var targets = kinds.Select((_, i) => (float)(i % 2)).ToArray();
        float[] Row(float pTrue, int r) => targets[r] == 1 ? [1 - pTrue, pTrue] : [pTrue, 1 - pTrue];
        var a = kinds.Select((k, r) => Row(k.Item1, r)).ToArray();
        var b = kinds.Select((k, r) => Row(k.Item2, r)).ToArray();
        var useless = kinds.Select((_, r) => Row(0.3f, r)).ToArray();
        IFusionStrategy[] candidates = [new Named("useless"), new Named("a"), new Named("b")];

        var choice = EnsembleSelection.Select(candidates, [useless, a, b], targets, TaskKind.Binary, rounds: 3);

        Assert.Same(candidates[1], choice.BestSingle);
        Assert.Equal(60 / 90.0, choice.BestSingleScore, 9);
        Assert.Equal(1.0, choice.Score, 9);
        Assert.True(choice.Score >= choice.BestSingleScore);
        Assert.Equal(["a", "b"], choice.Weights.Select(w => w.Strategy.Name));
        Assert.Equal(2 / 3.0, choice.Weights[0].Weight, 9);
        Assert.Equal(1 / 3.0, choice.Weights[1].Weight, 9);
        var ensemble = Assert.IsType<EnsembleStrategy>(choice.Strategy);
        Assert.Equal(["a", "a", "b"], ensemble.Members.Select(m => m.Name));
        Assert.Equal(3, choice.Rounds.Count);
        Assert.Equal(60 / 90.0, choice.Rounds[0], 9);
        Assert.Equal(70 / 90.0, choice.Rounds[1], 9);
        Assert.Equal(1.0, choice.Rounds[2], 9);
    }

    [Fact]
    public void A_single_dominant_candidate_is_chosen_alone()
    {
        var targets = Enumerable.Range(0, 30).Select(i => (float)(i % 3)).ToArray();
        var perfect = targets.Select(t => Enumerable.Range(0, 3).Select(c => c == (int)t ? 0.98f : 0.01f).ToArray()).ToArray();
        var wrong = targets.Select(t => Enumerable.Range(0, 3).Select(c => c == ((int)t + 1) % 3 ? 0.9f : 0.05f).ToArray()).ToArray();
        IFusionStrategy[] candidates = [new Named("wrong"), new Named("perfect")];

        var choice = EnsembleSelection.Select(candidates, [wrong, perfect], targets, TaskKind.Multiclass, rounds: 5);

        Assert.Same(candidates[1], choice.Strategy);
        Assert.Equal(1.0, choice.Score);
    }

    private sealed class Named(string name) : IFusionStrategy
    {
        public string Name => name;

        public string Fusion => "test";

        public IFusionModel Fit(FusionTrainingSet train) => throw new NotSupportedException();
    }
}
