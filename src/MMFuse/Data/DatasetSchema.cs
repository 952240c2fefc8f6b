namespace MMFuse.Data;

/// <summary>The roles of a manifest's columns and the task the label defines.</summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnSchema> Columns, string? Label, TaskKind? Task)
{
    public ColumnSchema? LabelColumn => Label is null ? null : Columns.First(c => c.Name == Label);

    public ColumnSchema? IdColumn => Columns.FirstOrDefault(c => c.Role == ColumnRole.Id);

    public ColumnSchema? GroupColumn => Columns.FirstOrDefault(c => c.Role == ColumnRole.Group);

    public IEnumerable<ColumnSchema> WithRole(ColumnRole role) => Columns.Where(c => c.Role == role);

    public ColumnSchema this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no column '{name}'");
}
