using System.Text.Json.Serialization;
using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>The training manifest's columns as the model saw them, the label column and the task.</summary>
public sealed record ManifestSchema(IReadOnlyList<ManifestColumn> Columns, string? Label, TaskKind? Task)
{
    /// <summary>Multilabel from several 0/1 columns: the label columns after <see cref="Label"/>; absent otherwise
    /// (and in files written before multilabel models).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? MoreLabels { get; init; }

    /// <summary>Multilabel from one column: the separator of its labels, which predictions join the predicted set with;
    /// absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LabelSeparator { get; init; }

    /// <summary>The columns (name and role), label and task of a validated training schema.</summary>
    public static ManifestSchema From(DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new(schema.Columns.Select(c => new ManifestColumn(c.Name, c.Role)).ToArray(), schema.Label, schema.Task)
        {
            MoreLabels = schema.MoreLabels.Count > 0 ? schema.MoreLabels : null,
            LabelSeparator = schema.LabelSeparator,
        };
    }
}
