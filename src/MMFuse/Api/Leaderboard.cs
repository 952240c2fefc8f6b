using MMFuse.Data;
using MMFuse.Data.Leakage;
using MMFuse.Evaluation;
using MMFuse.Evaluation.ModelSelection;
using MMFuse.Fusion;

namespace MMFuse;

/// <summary>
/// What <see cref="MultimodalDataset.Compare"/> found: every strategy under the same folds, best first by the main
/// metric (accuracy, or RMSE for regression), with the data warnings the run raised.
/// </summary>
public sealed class Leaderboard
{
    internal Leaderboard(MultimodalDataset dataset, SplitSpec split, IReadOnlyList<Fold> folds, IReadOnlyList<LeaderboardRow> rows,
        IReadOnlyList<DataWarning> warnings, EvaluationOptions options, double seconds)
    {
        Dataset = dataset;
        Split = split;
        Folds = folds;
        Rows = rows;
        Warnings = warnings;
        Options = options;
        Seconds = seconds;
    }

    /// <summary>The data the strategies were scored on.</summary>
    public MultimodalDataset Dataset { get; }

    /// <summary>The plan of the folds.</summary>
    public SplitSpec Split { get; }

    /// <summary>The folds every strategy was scored on.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>Best first.</summary>
    public IReadOnlyList<LeaderboardRow> Rows { get; }

    /// <summary>The winner: the strategy object of the first row.</summary>
    public IFusionStrategy Best => Rows[0].Strategy;

    /// <summary>How the strategy to train was selected: <see cref="MMFuse.Selection.Flat"/> or <see cref="MMFuse.Selection.Nested"/>.</summary>
    public Selection Selection { get; internal init; } = Selection.Flat;

    /// <summary>Under nested selection, what ensemble selection picked from every strategy's fold predictions on all rows; null under flat selection.</summary>
    public EnsembleChoice? Choice { get; internal init; }

    /// <summary>Under nested selection, the honest score of the selection procedure and each outer fold's pick; null under flat selection.</summary>
    public NestedSelectionResult? Nested { get; internal init; }

    /// <summary>Under <c>--text-features auto</c> (<see cref="Features.Extraction.ExtractorChoices.AutoText"/>), each fold's
    /// choice per text column (<c>minilm</c>, <c>tfidf</c> or <c>minilm+tfidf</c>), made on that fold's training rows; null otherwise.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>>? TextChoices { get; internal init; }

    /// <summary>What <c>train --fusion best</c> trains: the ensemble selection's pick under nested selection, else <see cref="Best"/>.</summary>
    public IFusionStrategy Selected => Choice?.Strategy ?? Best;

    /// <summary>The main metric: accuracy, or rmse for regression.</summary>
    public string Metric => Comparison.MainMetric(Dataset.Task);

    /// <summary>Warnings the run found (rows repeated across folds, a modality that alone is nearly perfect); the table's own are in <see cref="MultimodalDataset.Warnings"/>.</summary>
    public IReadOnlyList<DataWarning> Warnings { get; }

    /// <summary>The options the strategies were fitted with.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>Seconds the comparison took, features included.</summary>
    public double Seconds { get; }

    /// <summary>Under grouped folds, each strategy's main metric under random folds (by name; where two strategies share
    /// a name the first row's, see <see cref="LeaderboardRow.RandomFolds"/> for each row); null otherwise.</summary>
    public IReadOnlyDictionary<string, double>? RandomFolds =>
        Rows.All(r => r.RandomFolds is null) ? null : Rows.Where(r => r.RandomFolds is not null).GroupBy(r => r.Result.Strategy)
            .ToDictionary(g => g.Key, g => g.First().RandomFolds!.Value);

    /// <summary>The rows' results, best first.</summary>
    public IReadOnlyList<CrossValidationResult> Results => Rows.Select(r => r.Result).ToList();
}
