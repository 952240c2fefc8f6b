using System.Globalization;
using MMFuse.Data.Readers;

namespace MMFuse.Data.Leakage;

/// <summary>
/// Looks, in one streaming pass over the rows kept, for features that make cross-validated scores lie: a column
/// whose values map onto the label (nearly) as a function, an id-like column used as a feature, and a column that
/// is missing exactly when the label takes one value. Fed by <see cref="ManifestInspector"/>; memory is bounded by
/// <see cref="LeakageThresholds.MaxTrackedValues"/> per column.
/// </summary>
public sealed class LeakageScanner
{
    private readonly DatasetSchema _schema;
    private readonly LeakageThresholds _thresholds;
    private readonly ColumnTally[] _columns;
    private readonly Dictionary<string, long> _labels = new(StringComparer.Ordinal);
    private long _rows;

    /// <summary>A scanner for the feature columns of <paramref name="schema"/>; without a label it finds
    /// nothing.</summary>
    public LeakageScanner(DatasetSchema schema, LeakageThresholds? thresholds = null)
    {
        _schema = schema;
        _thresholds = thresholds ?? new LeakageThresholds();
        _columns = schema.LabelColumn is null
            ? []
            : schema.Columns.Where(c => c.Role.IsFeature()).Select(c => new ColumnTally(c, _thresholds.MaxTrackedValues)).ToArray();
    }

    /// <summary>Counts one kept row (cells that failed under the missing policy already null).</summary>
    public void Add(RawRow row)
    {
        if (_schema.LabelColumn is not { } labelColumn || row.Values[labelColumn.Index] is not { } label)
            return;
        _rows++;
        _labels[label] = _labels.GetValueOrDefault(label) + 1;
        double? numericLabel = _schema.Task == TaskKind.Regression
            && double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ? y : null;
        foreach (var tally in _columns)
            tally.Add(row.Values[tally.Column.Index], label, numericLabel);
    }

    /// <summary>The warnings for the rows added so far; none below <see cref="LeakageThresholds.MinRows"/>
    /// rows.</summary>
    public IReadOnlyList<DataWarning> Warnings()
    {
        if (_rows < _thresholds.MinRows)
            return [];
        var warnings = new List<DataWarning>();
        foreach (var tally in _columns)
        {
            if (IdLike(tally) is { } idLike)
                warnings.Add(idLike);
            else if ((_schema.Task == TaskKind.Regression ? Correlated(tally) : Mapped(tally)) is { } leak)
                warnings.Add(leak);
            if (_schema.Task != TaskKind.Regression && MissingPattern(tally) is { } pattern)
                warnings.Add(pattern);
        }
        return warnings;
    }

    private DataWarning? IdLike(ColumnTally t)
    {
        var name = t.Column.Name;
        if (t.Present < _thresholds.MinRows)
            return null;
        if (t.Column.Role == ColumnRole.Categorical && (t.Overflowed || t.LabelsByValue.Count >= _thresholds.IdDistinctShare * t.Present))
            return new DataWarning(name, DataWarningKinds.IdLike,
                $"{(t.Overflowed ? "more than " + _thresholds.MaxTrackedValues : t.LabelsByValue.Count.ToString("N0", CultureInfo.InvariantCulture))} distinct values in {t.Present:N0} rows: it names rows rather than describing them, so a model can only memorise it; give it DatasetOptions.Roles[Id] = [\"{name}\"] or DatasetOptions.Roles[Ignore] = [\"{name}\"]");
        if (t.Column.Role == ColumnRole.Numeric && t.AllIntegers && !t.Overflowed && t.LabelsByValue.Count == t.Present
            && t.Max - t.Min + 1 <= 1.1 * t.Present)
            return new DataWarning(name, DataWarningKinds.IdLike,
                $"every row has its own whole number between {t.Min:G} and {t.Max:G}, like row numbers: it identifies rows, and any order in the file leaks through it; give it DatasetOptions.Roles[Id] = [\"{name}\"] or DatasetOptions.Roles[Ignore] = [\"{name}\"]");
        return null;
    }

    private DataWarning? Mapped(ColumnTally t)
    {
        if (t.Overflowed || t.Column.Role.IsFile() || t.Present < _thresholds.MinRows)
            return null;
        var repeated = t.LabelsByValue.Values.Where(l => l.Values.Sum() >= 2).ToList();
        var repeatedRows = repeated.Sum(l => l.Values.Sum());
        if (repeatedRows < _thresholds.MinRepeatedShare * t.Present)
            return null;
        var agreeing = repeated.Sum(l => l.Values.Max());
        var purity = agreeing / (double)repeatedRows;
        var baseline = _labels.Values.Max() / (double)_rows;
        if (purity < _thresholds.MappingPurity || baseline > 0.9)
            return null;
        var example = t.LabelsByValue.OrderByDescending(kv => kv.Value.Values.Sum()).First();
        var exampleLabel = example.Value.MaxBy(kv => kv.Value).Key;
        return new DataWarning(t.Column.Name, DataWarningKinds.LabelLeak,
            $"its {t.LabelsByValue.Count:N0} values map onto label '{_schema.Label}' with {purity:P1} agreement (e.g. '{example.Key}' → '{exampleLabel}'), " +
            $"where the most common label alone gives {baseline:P1}: scores will reflect the mapping, not the task. If it is derived from the label, give it DatasetOptions.Roles[Ignore] = [\"{t.Column.Name}\"]");
    }

    private DataWarning? Correlated(ColumnTally t)
    {
        if (t.Column.Role != ColumnRole.Numeric || t.Correlation() is not { } r || Math.Abs(r) < _thresholds.RegressionCorrelation)
            return null;
        return new DataWarning(t.Column.Name, DataWarningKinds.LabelLeak,
            $"correlates with label '{_schema.Label}' at r = {r:F4}: it is nearly the label itself. If it is derived from the label, give it DatasetOptions.Roles[Ignore] = [\"{t.Column.Name}\"]");
    }

    private DataWarning? MissingPattern(ColumnTally t)
    {
        if (t.Missing < 5 || t.Missing > 0.9 * _rows)
            return null;
        var (label, count) = t.MissingByLabel.MaxBy(kv => kv.Value);
        var precision = count / (double)t.Missing;
        var recall = count / (double)_labels[label];
        if (precision < _thresholds.MissingPrecision || recall < _thresholds.MissingRecall)
            return null;
        return new DataWarning(t.Column.Name, DataWarningKinds.MissingPattern,
            $"missing in {count:N0} of the {_labels[label]:N0} rows labelled '{label}' and in {t.Missing - count:N0} other rows: whether it is present tells the label, " +
            "which new data will not do; check how the table was assembled");
    }
}
