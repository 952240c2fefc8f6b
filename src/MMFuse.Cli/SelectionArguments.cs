using System.CommandLine;
using MMFuse.Data;

namespace MMFuse.Cli;

/// <summary>How <c>compare</c> and <c>train --fusion best</c> select the strategy to train (<see cref="Selection"/>).</summary>
internal sealed class SelectionArguments
{
    public Option<string> Select { get; } = new("--select")
    {
        Description = "nested: ensemble selection scored by nested CV (default up to 20,000 rows); flat: the leaderboard's winner, scored on the folds that picked it",
        DefaultValueFactory = _ => "auto",
    };
    public Option<int> Folds { get; } = new("--select-folds") { Description = "Nested selection: folds of the inner cross-validation", DefaultValueFactory = _ => 3 };
    public Option<int> Repeats { get; } = new("--select-repeats") { Description = "Nested selection: repeats of the inner cross-validation", DefaultValueFactory = _ => 1 };
    public Option<int> Rounds { get; } = new("--select-rounds") { Description = "Ensemble selection: at most this many picks, with replacement", DefaultValueFactory = _ => 10 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Select, Folds, Repeats, Rounds })
            command.Add(option);
    }

    /// <summary>The options with the selection of the command line.</summary>
    public EvaluationOptions Apply(ParseResult parse, EvaluationOptions options) => options with
    {
        Selection = parse.GetValue(Select) switch
        {
            "auto" => Selection.Auto,
            "flat" => Selection.Flat,
            "nested" => Selection.Nested,
            var other => throw new MMFuseInputException($"--select: '{other}' is not one of auto, flat, nested"),
        },
        SelectionOptions = new SelectionOptions
        {
            InnerFolds = parse.GetValue(Folds),
            InnerRepeats = parse.GetValue(Repeats),
            EnsembleRounds = parse.GetValue(Rounds),
        },
    };
}
