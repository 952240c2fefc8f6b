using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>
/// The schema a table to predict is read with: the model's feature columns keep their training roles, the id column
/// (<see cref="PredictionIdColumn"/>) gives the output's ids, every other column is ignored.
/// </summary>
internal static class ForcedSchema
{
    public static SchemaOptions For(ModelFile model, Manifest manifest, string? forcedId)
    {
        IReadOnlyList<string> present;
        using (var reader = manifest.OpenReader())
            present = reader.Columns;
        var needed = model.Plan.Columns.ToList();
        var missing = needed.Where(n => !present.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new MMFuseInputException($"{Path.GetFileName(manifest.Path)} lacks column(s) the model needs: {string.Join(", ", missing)} " +
                $"(the model uses {string.Join(", ", needed)})");
        var roles = model.Manifest.Schema.Columns.ToDictionary(c => c.Name, c => c.Role);
        var id = PredictionIdColumn.Choose(present, model.Manifest.Schema, needed, forcedId);
        var overrides = new Dictionary<ColumnRole, List<string>>();
        foreach (var column in present)
        {
            var role = needed.Contains(column) ? roles[column] : column == id ? ColumnRole.Id : ColumnRole.Ignore;
            (overrides.TryGetValue(role, out var list) ? list : overrides[role] = []).Add(column);
        }
        return new SchemaOptions { Overrides = overrides.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value) };
    }
}
