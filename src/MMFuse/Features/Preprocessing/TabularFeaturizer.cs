using MMFuse.Data;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// Fits the tabular encoding (medians, missing indicators, top-K categories) on a fold's training rows.
/// Hand-written rather than ML.NET's transforms: those impute with mean/min/max (no median), have no
/// "other"/"missing" slots, and their fitted state is not JSON we can store in the model file.
/// </summary>
public static class TabularFeaturizer
{
    /// <summary>Fits on <paramref name="trainColumns"/>: the numeric and categorical columns, training rows only.</summary>
    /// <exception cref="ArgumentException">No columns, a role other than numeric/categorical, duplicate names, or ragged columns.</exception>
    public static TabularModel Fit(IReadOnlyList<TabularColumn> trainColumns, TabularOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainColumns);
        options ??= new TabularOptions();
        options.Validate();
        if (TabularModel.CheckColumns(trainColumns) == 0)
            throw new ArgumentException("No training rows to fit the tabular featuriser on.", nameof(trainColumns));
        return new TabularModel(options, trainColumns.Select(c => FitColumn(c, options)).ToArray());
    }

    private static TabularColumnModel FitColumn(TabularColumn column, TabularOptions options) => column.Role switch
    {
        ColumnRole.Numeric => FitNumeric(column),
        ColumnRole.Categorical => FitCategorical(column, options.MaxCategories),
        _ => throw new ArgumentException($"Column '{column.Name}' has role {column.Role.Name()}."), // CheckColumns rules this out
    };

    private static NumericColumnModel FitNumeric(TabularColumn column)
    {
        var values = new List<double>(column.Values.Count);
        foreach (var cell in column.Values)
            if (NumericColumnModel.TryParse(cell, out var v))
                values.Add(v);
        // Indicator only when training saw a missing value: one never missing in training is constant 0 there,
        // so no learner could use it. An all-missing training column imputes 0 (its indicator is then always 1).
        var missingSeen = values.Count < column.Values.Count;
        return new NumericColumnModel(column.Name, values.Count == 0 ? 0 : Statistics.Median(values), missingSeen);
    }

    private static CategoricalColumnModel FitCategorical(TabularColumn column, int maxCategories)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in column.Values)
            if (cell is not null)
                counts[cell] = counts.GetValueOrDefault(cell) + 1;
        var top = counts
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(maxCategories)
            .Select(kv => kv.Key)
            .ToArray();
        return new CategoricalColumnModel(column.Name, top);
    }
}
