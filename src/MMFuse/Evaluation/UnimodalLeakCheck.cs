using MMFuse.Data;
using MMFuse.Data.Leakage;

namespace MMFuse.Evaluation;

/// <summary>
/// The leaderboard's side of the label-leak check: a modality that alone scores (nearly) perfectly under
/// cross-validation while every other modality alone is far below usually carries the label in some form (a column
/// derived from it, a file name that spells it). Classification only; needs at least two modality baselines.
/// </summary>
public static class UnimodalLeakCheck
{
    /// <summary>A label-leak warning when one modality alone scores at least <paramref name="nearlyPerfect"/> accuracy
    /// and the next best alone at least <paramref name="farBelow"/> less; null otherwise (and for regression and multilabel).
    /// <paramref name="ranked"/> must hold the unimodal baselines.</summary>
    public static DataWarning? Check(IReadOnlyList<CrossValidationResult> ranked, TaskKind task, double nearlyPerfect = 0.99, double farBelow = 0.25)
    {
        if (task is TaskKind.Regression or TaskKind.Multilabel)
            return null;
        var alone = ranked.Where(r => r.Fusion == "unimodal")
            .Select(r => (Modality: r.Strategy.Split("-only/")[0], Accuracy: r.Metrics["accuracy"].Mean))
            .OrderByDescending(r => r.Accuracy).ToList();
        if (alone.Count < 2 || alone[0].Accuracy < nearlyPerfect || alone[1].Accuracy > alone[0].Accuracy - farBelow)
            return null;
        return new DataWarning(alone[0].Modality, DataWarningKinds.LabelLeak,
            $"alone it scores accuracy {alone[0].Accuracy:F3} under cross-validation while the next modality alone scores {alone[1].Accuracy:F3}: " +
            "it likely carries the label (a column derived from it, names that spell it); check its columns or leave it out with DatasetOptions.Modalities");
    }
}
