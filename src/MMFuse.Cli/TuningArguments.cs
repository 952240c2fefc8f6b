using System.CommandLine;
using MMFuse.Data;
using MMFuse.Evaluation.Tuning;

namespace MMFuse.Cli;

/// <summary><c>--tune N</c>, <c>--tune-minutes M</c>, <c>--tune-folds K</c> and <c>--tune-halving F</c>: the budgeted tuner's settings.</summary>
internal sealed class TuningArguments
{
    public Option<int?> Trials { get; } = new("--tune")
    {
        Description = "Tune the strategy's hyperparameters with N configurations (successive halving over inner folds of the training rows only)",
    };

    public Option<double?> Minutes { get; } = new("--tune-minutes") { Description = "Tune within M minutes of wall clock (with --tune: whichever ends first)" };

    public Option<int> InnerFolds { get; } = new("--tune-folds") { Description = "Tuning: inner folds (default 3)", DefaultValueFactory = _ => 3 };

    public Option<int> Halving { get; } = new("--tune-halving") { Description = "Tuning: keep the best 1/F configurations per rung (default 3)", DefaultValueFactory = _ => 3 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Trials, Minutes, InnerFolds, Halving })
            command.Add(option);
    }

    /// <summary>The tuning options, or null when neither --tune nor --tune-minutes is given.</summary>
    public TuningOptions? Options(ParseResult parse, int seed)
    {
        var (trials, minutes) = (parse.GetValue(Trials), parse.GetValue(Minutes));
        if (trials is null && minutes is null)
            return null;
        var options = new TuningOptions(trials, minutes, parse.GetValue(Halving), parse.GetValue(InnerFolds), seed);
        options.Validate();
        return options;
    }

    /// <summary>The search space of <paramref name="strategy"/> over the learner and fusion options of the command line.</summary>
    public static SearchSpace Space(MultimodalDataset data, ParseResult parse, EvaluationArguments evaluation, string strategy)
    {
        var learnerOptions = evaluation.LearnerOptions(parse);
        return data.SearchSpace(strategy, learnerOptions, evaluation.FusionOptions(parse, learnerOptions));
    }

    /// <summary>The strategy compare tunes: the leaderboard's best that has a single learner to tune (the ensemble has not).</summary>
    public static string Tunable(Leaderboard board) =>
        board.Rows.Select(r => r.Result.Strategy).FirstOrDefault(n => n != StrategyCatalog.Ensemble)
        ?? throw new MMFuseInputException("--tune: the comparison has no strategy with a learner to tune (the ensemble has none)");
}
