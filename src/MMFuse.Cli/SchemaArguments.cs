using System.CommandLine;
using MMFuse.Data;

namespace MMFuse.Cli;

/// <summary>The options every data command shares: the label, the task, role overrides and the bad-row policy.</summary>
internal sealed class SchemaArguments
{
    private static readonly ColumnRole[] OverridableRoles =
        [ColumnRole.Image, ColumnRole.Audio, ColumnRole.Text, ColumnRole.Numeric, ColumnRole.Categorical, ColumnRole.Ignore, ColumnRole.Id, ColumnRole.Group];

    public Argument<string> Manifest { get; } = new("manifest") { Description = "The table: .csv, .tsv, .jsonl or .parquet" };

    public Option<string?> Label { get; } = new("--label")
    {
        Description = "The column to predict; several comma-separated 0/1 columns (a,b,c) make the task multilabel",
    };

    public Option<string?> LabelSeparator { get; } = new("--label-sep")
    {
        Description = "The separator of several labels in one label cell, e.g. ';' (makes the task multilabel)",
    };

    public Option<string?> Task { get; } = new("--task")
    {
        Description = "binary, multiclass, regression or multilabel (inferred from the label when left out)",
    };

    public Option<string> OnBadRow { get; } = new("--on-bad-row")
    {
        Description = "fail (stop and name every bad row), skip (leave bad rows out, listed in bad-rows.csv), missing (bad files and numbers become absent)",
        DefaultValueFactory = _ => "fail",
    };

    public Option<string?> Meta { get; } = new("--meta")
    {
        Description = "A side table (csv, tsv, jsonl, parquet) joined by --join; --group then names its column (e.g. the speaker)",
    };

    public Option<string?> Join { get; } = new("--join") { Description = "With --meta: the manifest's id column, matched to the side table's column of the same name" };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Treat data warnings (a column that gives the label away, an id-like feature, a missing-value pattern) as errors: exit 2",
    };

    public Option<int> MaxTextChars { get; } = new("--max-text-chars")
    {
        Description = "Cut longer text cells to this many characters before featurising them (counted in a note)",
        DefaultValueFactory = _ => SchemaOptions.DefaultMaxTextChars,
    };

    public Option<string?> BadRowsFile { get; } = new("--bad-rows") { Description = "Where skipped rows are listed (default: bad-rows.csv beside the output)" };

    public Dictionary<ColumnRole, Option<string[]>> Overrides { get; } = OverridableRoles.ToDictionary(
        role => role,
        role => new Option<string[]>("--" + role.Name())
        {
            Description = $"Columns to treat as {role.Name()} (one or more names, or comma-separated)",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        });

    public void AddTo(Command command)
    {
        command.Add(Manifest);
        command.Add(Label);
        command.Add(LabelSeparator);
        command.Add(Task);
        command.Add(OnBadRow);
        command.Add(BadRowsFile);
        command.Add(Strict);
        command.Add(Meta);
        command.Add(Join);
        command.Add(MaxTextChars);
        foreach (var option in Overrides.Values)
            command.Add(option);
    }

    public SchemaOptions ToSchemaOptions(ParseResult parse) => new()
    {
        Label = LabelColumns(parse) is { } labels ? labels[0] : null,
        MoreLabels = LabelColumns(parse) is { } more ? more.Skip(1).ToArray() : [],
        LabelSeparator = parse.GetValue(LabelSeparator),
        Task = ParseTask(parse.GetValue(Task)),
        MaxTextChars = TextCap(parse),
        // With --meta, --group names a column of the side table, not of the manifest.
        Overrides = Overrides.Where(kv => kv.Key != ColumnRole.Group || parse.GetValue(Meta) is null).ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<string>)(parse.GetValue(kv.Value) ?? [])
                .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList()),
    };

    public BadRowPolicy Policy(ParseResult parse) => parse.GetValue(OnBadRow) switch
    {
        "fail" => BadRowPolicy.Fail,
        "skip" => BadRowPolicy.Skip,
        "missing" => BadRowPolicy.Missing,
        var other => throw new MMFuseInputException($"--on-bad-row: '{other}' is not one of fail, skip, missing"),
    };

    public int TextCap(ParseResult parse)
    {
        var cap = parse.GetValue(MaxTextChars);
        return cap >= 1 ? cap : throw new MMFuseInputException($"--max-text-chars: {cap} is not a positive number of characters");
    }

    private static TaskKind? ParseTask(string? value) => value switch
    {
        null => null,
        "binary" => TaskKind.Binary,
        "multiclass" => TaskKind.Multiclass,
        "regression" => TaskKind.Regression,
        "multilabel" => TaskKind.Multilabel,
        _ => throw new MMFuseInputException($"--task: '{value}' is not one of binary, multiclass, regression, multilabel"),
    };

    /// <summary>The --label columns (one, or several comma-separated); null without --label.</summary>
    public string[]? LabelColumns(ParseResult parse) =>
        parse.GetValue(Label)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } names ? names : null;

    /// <summary>The side table of groups (--meta, --join, --group), or null without --meta.</summary>
    public GroupTable? SideGroups(ParseResult parse)
    {
        if (parse.GetValue(Meta) is not { } meta)
            return null;
        var join = parse.GetValue(Join) ?? throw new MMFuseInputException("--meta needs --join COL: the manifest's id column");
        var group = (parse.GetValue(Overrides[ColumnRole.Group]) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (group.Count != 1)
            throw new MMFuseInputException("--meta needs --group COL: the side table's column to group rows by");
        return new GroupTable(meta, join, group[0]);
    }
}
