using MMFuse.Evaluation.Tuning;

namespace MMFuse.Reporting;

/// <summary>The tuner's work for the report: per outer fold, the chosen configuration with its inner and outer
/// scores, and every trial with its mean after each rung.</summary>
/// <param name="Strategy">The tuned strategy.</param>
/// <param name="Metric">The metric trials are ranked by.</param>
/// <param name="RungFolds">Inner folds scored by the end of each rung.</param>
/// <param name="Folds">One entry per outer fold.</param>
public sealed record ReportTuning(string Strategy, string Metric, int[] RungFolds, ReportTuningFold[] Folds)
{
    /// <summary>The report's form of <paramref name="tunings"/>; null without tuning.</summary>
    public static ReportTuning? From(IReadOnlyList<TuningResult>? tunings)
    {
        if (tunings is null || tunings.Count == 0)
            return null;
        var first = tunings[0];
        return new ReportTuning(first.Strategy, first.Metric, [.. first.RungFolds], tunings.Select((t, f) => new ReportTuningFold(
            f + 1, t.Rows, Settings(t.BestSettings), t.Trials.First(x => x.Config.Id == t.Best.Id).RungScores[^1],
            t.OuterScore, t.BudgetExhausted,
            t.Trials.Select(x => new ReportTuningTrial(x.Config.Id, Settings(x.Settings), [.. x.RungScores])).ToArray())).ToArray());
    }

    /// <summary>Settings as one line: <c>l2=0.5, text_features=tfidf</c>, or <c>defaults</c>.</summary>
    public static string Settings(IReadOnlyDictionary<string, string> settings) =>
        settings.Count == 0 ? "defaults" : string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
}

/// <summary>One outer fold's tuning.</summary>
/// <param name="Fold">Outer fold number (1-based).</param>
/// <param name="Rows">Training rows the tuner saw.</param>
/// <param name="Chosen">The chosen configuration.</param>
/// <param name="Inner">Its mean inner score at the last rung it completed.</param>
/// <param name="Outer">Its score on the outer test fold, when known.</param>
/// <param name="BudgetExhausted">The time budget cut the plan short.</param>
/// <param name="Trials">Every trial of this fold.</param>
public sealed record ReportTuningFold(int Fold, int Rows, string Chosen, double Inner, double? Outer, bool BudgetExhausted, ReportTuningTrial[] Trials);

/// <summary>One trial: its number, its settings and its mean inner score after each rung it completed.</summary>
public sealed record ReportTuningTrial(int Id, string Settings, double[] RungScores);
