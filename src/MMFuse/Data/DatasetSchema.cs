namespace MMFuse.Data;

/// <summary>The roles of a manifest's columns and the task the label defines.</summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnSchema> Columns, string? Label, TaskKind? Task)
{
    /// <summary>The label's column, or null when there is no label (prediction).</summary>
    public ColumnSchema? LabelColumn => Label is null ? null : Columns.First(c => c.Name == Label);

    /// <summary>Multi-label from several 0/1 columns: the label columns after <see cref="Label"/>; empty otherwise.</summary>
    public IReadOnlyList<string> MoreLabels { get; init; } = [];

    /// <summary>Multi-label from one column: the separator of the labels in a cell; null otherwise.</summary>
    public string? LabelSeparator { get; init; }

    /// <summary>Every label column: <see cref="Label"/>, then <see cref="MoreLabels"/>.</summary>
    public IReadOnlyList<string> LabelColumns => Label is null ? [] : [Label, .. MoreLabels];

    /// <summary>The id column, or null when the manifest has none.</summary>
    public ColumnSchema? IdColumn => Columns.FirstOrDefault(c => c.Role == ColumnRole.Id);

    /// <summary>The group column (rows kept on one side of every split), or null.</summary>
    public ColumnSchema? GroupColumn => Columns.FirstOrDefault(c => c.Role == ColumnRole.Group);

    /// <summary>The columns that have <paramref name="role"/>, in manifest order.</summary>
    public IEnumerable<ColumnSchema> WithRole(ColumnRole role) => Columns.Where(c => c.Role == role);

    /// <summary>The column named <paramref name="name"/> (case-sensitive); throws <see cref="KeyNotFoundException"/>
    /// when there is none.</summary>
    public ColumnSchema this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no column '{name}'");
}
