using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>
/// Which column of a manifest to predict gives the ids written beside the predictions, so that they can be joined
/// back: <c>--id COL</c>; else the training manifest's id column; else a column named <c>id</c> (any case), as schema
/// inference would take it, which covers a model trained with <c>--ignore id</c>; else none, and rows are numbered.
/// </summary>
public static class PredictionIdColumn
{
    /// <param name="columns">The columns of the manifest to predict.</param>
    /// <param name="trained">The training manifest's schema, as saved in the model.</param>
    /// <param name="features">The columns the model reads; none of them can be the id.</param>
    /// <param name="forced">The column named by <c>--id</c>, if any.</param>
    public static string? Choose(IReadOnlyList<string> columns, ManifestSchema trained, IReadOnlyCollection<string> features, string? forced)
    {
        if (forced is not null)
        {
            if (!columns.Contains(forced))
                throw new MMFuseInputException($"PredictOptions.IdColumn: there is no column '{forced}'; the columns are: {string.Join(", ", columns)}");
            if (features.Contains(forced))
                throw new MMFuseInputException($"PredictOptions.IdColumn: column '{forced}' is a feature of the model; name a column the model does not use");
            return forced;
        }
        var trainedId = trained.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
        if (trainedId is not null && columns.Contains(trainedId))
            return trainedId;
        return columns.FirstOrDefault(c => c.Equals("id", StringComparison.OrdinalIgnoreCase) && !features.Contains(c));
    }
}
