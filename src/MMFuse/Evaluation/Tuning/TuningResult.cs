namespace MMFuse.Evaluation.Tuning;

/// <summary>One tuning: every trial with its inner scores per rung, the chosen configuration and how the budget went.</summary>
/// <param name="Strategy">The tuned strategy's name.</param>
/// <param name="Metric">The main metric the trials are ranked by.</param>
/// <param name="Trials">Every configuration tried, in sampling order.</param>
/// <param name="Best">The chosen configuration: the best at the highest rung any configuration completed.</param>
/// <param name="BestSettings">The chosen configuration as the reports show it.</param>
/// <param name="RungFolds">How many inner folds each rung scores on (e.g. 1, 3).</param>
/// <param name="Rows">Training rows the tuner saw (the outer fold's training part, or every row for training).</param>
/// <param name="BudgetExhausted">The time budget ended the tuning before its plan was done.</param>
/// <param name="Seconds">Wall-clock seconds the tuning took.</param>
/// <param name="OuterScore">Under cross-validation, the chosen configuration's metric on the outer test fold; null otherwise.</param>
public sealed record TuningResult(
    string Strategy,
    string Metric,
    IReadOnlyList<TrialRecord> Trials,
    TrialConfig Best,
    IReadOnlyDictionary<string, string> BestSettings,
    IReadOnlyList<int> RungFolds,
    int Rows,
    bool BudgetExhausted,
    double Seconds,
    double? OuterScore = null);
