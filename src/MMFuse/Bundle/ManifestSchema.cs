using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>The training manifest's columns as the model saw them, the label column and the task.</summary>
public sealed record ManifestSchema(IReadOnlyList<ManifestColumn> Columns, string? Label, TaskKind? Task)
{
    /// <summary>The columns (name and role), label and task of a validated training schema.</summary>
    public static ManifestSchema From(DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new(schema.Columns.Select(c => new ManifestColumn(c.Name, c.Role)).ToArray(), schema.Label, schema.Task);
    }
}
