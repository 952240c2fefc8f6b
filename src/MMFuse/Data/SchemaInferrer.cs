namespace MMFuse.Data;

/// <summary>
/// Gives every column one role. Overrides win; otherwise, in order: empty → ignore; named "id" → id;
/// ≥ 80 % image (audio) file names → image (audio); ≥ 95 % numbers → numeric; one distinct value → ignore;
/// few distinct short strings → categorical; unique values without spaces → ignore (an identifier);
/// anything else → text. The label's values decide the task unless <c>--task</c> says.
/// </summary>
public static class SchemaInferrer
{
    /// <summary>Streams the manifest once to profile its columns, then infers the schema.</summary>
    public static (DatasetSchema Schema, IReadOnlyList<ColumnProfile> Profiles) Infer(Manifest manifest, SchemaOptions options)
    {
        using var reader = manifest.OpenReader();
        CheckNames(reader.Columns, options);
        var profiles = reader.Columns.Select(c => new ColumnProfile(c)).ToArray();
        while (reader.TryRead(out var row))
        {
            if (row.StructuralError is not null)
                continue; // reported with its row number by validation
            for (var i = 0; i < profiles.Length; i++)
                profiles[i].Add(row.Values[i], row.Number);
        }
        return (Infer(profiles, options), profiles);
    }

    /// <summary>Gives each profiled column its role and infers the task, applying <paramref name="options"/>' overrides
    /// first.</summary>
    public static DatasetSchema Infer(IReadOnlyList<ColumnProfile> profiles, SchemaOptions options)
    {
        var names = profiles.Select(p => p.Name).ToList();
        var forced = CheckNames(names, options);
        var autoId = !forced.Values.Contains(ColumnRole.Id);
        var columns = new List<ColumnSchema>();
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            var (role, reason) = p.Name == options.Label ? (ColumnRole.Label, "DatasetOptions.Label")
                : options.MoreLabels.Contains(p.Name) ? (ColumnRole.Label, "DatasetOptions.LabelColumns")
                : forced.TryGetValue(p.Name, out var r) ? (r, Setting(r))
                : Auto(p, options, autoId);
            if (role == ColumnRole.Id) autoId = false;
            columns.Add(new ColumnSchema(p.Name, i, role, reason));
        }
        TaskKind? task = null;
        if (options.Label is not null)
            task = MultiLabelTask(options) ?? InferTask(profiles.First(p => p.Name == options.Label), options);
        var separator = task == TaskKind.Multilabel && options.MoreLabels.Count == 0 ? options.LabelSeparator ?? DefaultLabelSeparator : null;
        return new DatasetSchema(columns, options.Label, task) { MoreLabels = options.MoreLabels, LabelSeparator = separator };
    }

    /// <summary>The separator of labels in one cell when the task is set to multilabel without naming one.</summary>
    public const string DefaultLabelSeparator = ";";

    /// <summary>Multilabel when several label columns or a label separator are given (or the task says so); null to infer
    /// a single-label task.</summary>
    private static TaskKind? MultiLabelTask(SchemaOptions o)
    {
        var several = o.MoreLabels.Count > 0 || o.LabelSeparator is not null;
        if (several && o.Task is { } task && task != TaskKind.Multilabel)
            throw new MMFuseInputException($"DatasetOptions.Task = {task}: several label columns or a label separator make the task multilabel");
        if (o.MoreLabels.Count > 0 && o.LabelSeparator is not null)
            throw new MMFuseInputException("DatasetOptions.LabelSeparator: give either several 0/1 label columns or one column with a separator, not both");
        if (o.LabelSeparator is "")
            throw new MMFuseInputException("DatasetOptions.LabelSeparator: the separator is empty");
        return several || o.Task == TaskKind.Multilabel ? TaskKind.Multilabel : null;
    }

    private static (ColumnRole, string) Auto(ColumnProfile p, SchemaOptions o, bool idAllowed)
    {
        if (p.NonEmpty == 0)
            return (ColumnRole.Ignore, "every value is empty");
        if (idAllowed && p.Name.Equals("id", StringComparison.OrdinalIgnoreCase))
            return (ColumnRole.Id, "named id");
        // The majority decides, so one odd cell cannot silently turn a media column into a category;
        // OddFileCells names the odd rows, which are then checked as files and follow the bad-row policy.
        if ((double)p.ImageFiles / p.NonEmpty >= o.FileShare)
            return (ColumnRole.Image, FileReason("image", p.ImageFiles, p.NonEmpty));
        if ((double)p.AudioFiles / p.NonEmpty >= o.FileShare)
            return (ColumnRole.Audio, FileReason("audio", p.AudioFiles, p.NonEmpty));
        if (p.Distinct == 1)
            return (ColumnRole.Ignore, "one constant value");
        if (p.NumericShare >= o.NumericShare)
            return (ColumnRole.Numeric, p.Numeric == p.NonEmpty ? "numbers" : $"{p.NumericShare:P0} numbers");
        if (IsCategorical(p, o))
            return (ColumnRole.Categorical, $"{p.Distinct} distinct values");
        if (p.Distinct == p.NonEmpty && p.WithWhitespace == 0)
            return (ColumnRole.Ignore, "unique per row with no spaces: looks like an identifier");
        return (ColumnRole.Text, "free text");
    }

    private static string FileReason(string kind, long files, long nonEmpty) =>
        files == nonEmpty ? $"{kind} file names" : $"{kind} file names ({files} of {nonEmpty} values)";

    /// <summary>
    /// Few distinct values relative to the rows, or short values (two words or fewer on average) that repeat,
    /// read as categories; long, mostly unique strings read as text.
    /// </summary>
    private static bool IsCategorical(ColumnProfile p, SchemaOptions o) =>
        p.Distinct <= o.CategoricalMaxDistinct
        && (p.Distinct <= 20 || p.Distinct <= 0.1 * p.NonEmpty || (p.MeanWords <= 2 && p.Distinct <= 0.5 * p.NonEmpty));

    private static TaskKind InferTask(ColumnProfile label, SchemaOptions o)
    {
        if (label.NonEmpty == 0)
            throw new MMFuseInputException($"label column '{label.Name}' has no values");
        var allNumeric = label.Numeric == label.NonEmpty;
        if (o.Task is { } task)
        {
            if (task == TaskKind.Regression && !allNumeric)
                throw new MMFuseInputException($"DatasetOptions.Task = Regression: label column '{label.Name}' has values that are not numbers (e.g. '{label.Example}')");
            if (task == TaskKind.Binary && label.Distinct != 2)
                throw new MMFuseInputException($"DatasetOptions.Task = Binary: label column '{label.Name}' has {label.Distinct} classes, not 2");
            if (task != TaskKind.Regression && label.Distinct < 2)
                throw new MMFuseInputException($"label column '{label.Name}' has a single class; a classifier needs at least two");
            return task;
        }
        if (allNumeric && (label.Fractional > 0 || label.Distinct > o.ClassificationMaxDistinct))
            return TaskKind.Regression;
        if (label.Distinct < 2)
            throw new MMFuseInputException($"label column '{label.Name}' has a single class ('{label.Example}'); a classifier needs at least two");
        return label.Distinct == 2 ? TaskKind.Binary : TaskKind.Multiclass;
    }

    /// <summary>Every column named on the command line must exist and be named under one role only.</summary>
    private static Dictionary<string, ColumnRole> CheckNames(IReadOnlyList<string> columns, SchemaOptions options)
    {
        var known = new HashSet<string>(columns, StringComparer.Ordinal);
        var forced = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        if (options.Label is not null && !known.Contains(options.Label))
            throw UnknownColumn("DatasetOptions.Label", options.Label, columns);
        foreach (var more in options.MoreLabels)
        {
            if (!known.Contains(more))
                throw UnknownColumn("DatasetOptions.LabelColumns", more, columns);
            if (more == options.Label || options.MoreLabels.Count(m => m == more) > 1)
                throw new MMFuseInputException($"DatasetOptions.LabelColumns: column '{more}' is named twice");
        }
        foreach (var (role, names) in options.Overrides)
        {
            foreach (var name in names)
            {
                if (!known.Contains(name))
                    throw UnknownColumn(Setting(role), name, columns);
                if (name == options.Label || options.MoreLabels.Contains(name))
                    throw new MMFuseInputException($"column '{name}' is the label and cannot also be given {Setting(role)}");
                if (forced.TryGetValue(name, out var other) && other != role)
                    throw new MMFuseInputException($"column '{name}' is given both {Setting(other)} and {Setting(role)}");
                forced[name] = role;
            }
        }
        if (forced.Values.Count(r => r == ColumnRole.Id) > 1)
            throw new MMFuseInputException("DatasetOptions.Roles[Id] takes one column");
        if (forced.Values.Count(r => r == ColumnRole.Group) > 1)
            throw new MMFuseInputException("DatasetOptions.Roles[Group] takes one column");
        if (forced.Values.Count(r => r == ColumnRole.Weight) > 1)
            throw new MMFuseInputException("DatasetOptions.Weight takes one column");
        return forced;
    }

    // The weight column has a setting of its own; every other forced role comes from DatasetOptions.Roles.
    private static string Setting(ColumnRole role) => role == ColumnRole.Weight ? "DatasetOptions.Weight" : $"DatasetOptions.Roles[{role}]";

    private static MMFuseInputException UnknownColumn(string option, string name, IReadOnlyList<string> columns)
    {
        var close = columns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
        var hint = close is null ? "" : $" (did you mean '{close}'?)";
        return new MMFuseInputException($"{option}: there is no column '{name}'{hint}; the columns are: {string.Join(", ", columns)}");
    }
}
