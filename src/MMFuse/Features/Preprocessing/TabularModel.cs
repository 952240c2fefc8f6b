using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MMFuse.Data;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// A fitted tabular featuriser: the numeric and categorical columns, in fitted order, become one
/// <see cref="FeatureBlock"/> named "tabular" whose dimension is fixed at fit time.
/// </summary>
public sealed class TabularModel
{
    /// <summary>The name of the block the model produces.</summary>
    public const string BlockName = "tabular";
    /// <summary>The extractor id of that block.</summary>
    public const string Id = "tabular";

    /// <summary>A model over <paramref name="columns"/>, in output order; names must be distinct.</summary>
    [JsonConstructor]
    public TabularModel(TabularOptions options, IReadOnlyList<TabularColumnModel> columns)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(columns);
        options.Validate();
        if (columns.Count == 0)
            throw new ArgumentException("A tabular model needs at least one column.", nameof(columns));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
            if (!names.Add(c.Name))
                throw new ArgumentException($"Duplicate tabular column '{c.Name}'.", nameof(columns));
        Options = options;
        Columns = columns.ToArray();
        FeatureNames = Columns.SelectMany(c => c.FeatureNames()).ToArray();
    }

    /// <summary>The options the model was fitted with.</summary>
    public TabularOptions Options { get; }

    /// <summary>The fitted encoding of each column, in output order.</summary>
    public IReadOnlyList<TabularColumnModel> Columns { get; }

    /// <summary>One name per output feature, e.g. <c>added_in</c>, <c>added_in_missing</c>, <c>subcategory=keycap</c>, <c>subcategory=&lt;other&gt;</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The width of the tabular block.</summary>
    [JsonIgnore]
    public int Dimension => FeatureNames.Count;

    /// <summary>
    /// Encodes any rows (training or evaluation). A row is present when at least one of its tabular cells is
    /// non-missing (an unparseable number counts as missing); absent rows still carry their imputed encoding.
    /// </summary>
    /// <exception cref="ArgumentException">The columns are not exactly the fitted ones (by name), or are ragged.</exception>
    public FeatureBlock Transform(IReadOnlyList<TabularColumn> columns)
    {
        var count = CheckColumns(columns);
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var missing = Columns.Where(c => !byName.ContainsKey(c.Name)).Select(c => c.Name).ToArray();
        var extra = byName.Keys.Where(n => Columns.All(c => c.Name != n)).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            throw new ArgumentException(
                $"The tabular columns do not match the fitted ones (fitted: {string.Join(", ", Columns.Select(c => c.Name))}" +
                (missing.Length > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (extra.Length > 0 ? $"; unexpected: {string.Join(", ", extra)}" : "") + ").", nameof(columns));
        foreach (var model in Columns)
        {
            var role = byName[model.Name].Role;
            var fitted = model is NumericColumnModel ? ColumnRole.Numeric : ColumnRole.Categorical;
            if (role != fitted)
                throw new ArgumentException($"Column '{model.Name}' was fitted as {fitted.Name()} but is now {role.Name()}.", nameof(columns));
        }

        var rows = new float[count][];
        var present = new bool[count];
        for (var r = 0; r < count; r++)
        {
            var row = new float[Dimension];
            var offset = 0;
            foreach (var model in Columns)
            {
                present[r] |= model.Encode(byName[model.Name].Values[r], row.AsSpan(offset, model.Width));
                offset += model.Width;
            }
            rows[r] = row;
        }
        return new FeatureBlock(BlockName, Id, Dimension, rows, present);
    }

    /// <summary>The fitted state as JSON, for the model file.</summary>
    public JsonNode ToJson() => PreprocessingJson.ToNode(this);

    /// <summary>Restores a model from the JSON <see cref="ToJson"/> wrote; malformed JSON is an
    /// <see cref="InvalidDataException"/>.</summary>
    public static TabularModel FromJson(JsonNode node) => PreprocessingJson.FromNode<TabularModel>(node, "tabular model");

    /// <summary>Checks names, roles and lengths; returns the common row count.</summary>
    internal static int CheckColumns(IReadOnlyList<TabularColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new ArgumentException("No tabular columns given.", nameof(columns));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            if (!names.Add(c.Name))
                throw new ArgumentException($"Tabular column '{c.Name}' is given twice.", nameof(columns));
            if (c.Role is not (ColumnRole.Numeric or ColumnRole.Categorical))
                throw new ArgumentException($"Column '{c.Name}' has role {c.Role.Name()}; only numeric and categorical columns are tabular.", nameof(columns));
            if (c.Values.Count != columns[0].Values.Count)
                throw new ArgumentException(
                    $"Tabular column '{c.Name}' has {c.Values.Count} rows but '{columns[0].Name}' has {columns[0].Values.Count}.", nameof(columns));
        }
        return columns[0].Values.Count;
    }
}
