using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>Rejects training/prediction input that a learner would otherwise silently mis-handle
/// (ragged rows, NaN, labels out of range). Shared by every learner.</summary>
internal static class LearnerDataChecks
{
    public static void Validate(LearnerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows == 0)
            throw new ArgumentException("Training data has no rows.", nameof(data));
        if (data.Labels.Length != data.Rows)
            throw new ArgumentException($"Training data has {data.Rows} rows but {data.Labels.Length} labels.", nameof(data));
        if (data.Weights is { } w && w.Length != data.Rows)
            throw new ArgumentException($"Training data has {data.Rows} rows but {w.Length} weights.", nameof(data));
        var columns = data.Columns;
        if (columns == 0)
            throw new ArgumentException("Training data has no feature columns.", nameof(data));
        ValidateFeatures(data.Features, columns, "Training");
        ValidateLabels(data);
        if (data.Weights is { } weights)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                if (!float.IsFinite(weights[i]) || weights[i] < 0)
                    throw new ArgumentException($"Sample weight {weights[i]} at row {i} is not a finite non-negative number.", nameof(data));
            }
        }
    }

    public static void ValidateFeatures(float[][] features, int columns, string what)
    {
        ArgumentNullException.ThrowIfNull(features);
        for (var i = 0; i < features.Length; i++)
        {
            var row = features[i] ?? throw new ArgumentException($"{what} row {i} is null.", nameof(features));
            if (row.Length != columns)
                throw new ArgumentException($"{what} row {i} has {row.Length} features, expected {columns}.", nameof(features));
            for (var j = 0; j < row.Length; j++)
            {
                if (!float.IsFinite(row[j]))
                    throw new ArgumentException($"{what} row {i}, feature {j} is {row[j]}; features must be finite.", nameof(features));
            }
        }
    }

    private static void ValidateLabels(LearnerData data)
    {
        switch (data.Task)
        {
            case TaskKind.Binary when data.ClassCount != 2:
                throw new ArgumentException($"A binary task needs ClassCount 2, got {data.ClassCount}.", nameof(data));
            case TaskKind.Multiclass when data.ClassCount < 2:
                throw new ArgumentException($"A multiclass task needs ClassCount >= 2, got {data.ClassCount}.", nameof(data));
        }
        for (var i = 0; i < data.Labels.Length; i++)
        {
            var y = data.Labels[i];
            if (!float.IsFinite(y))
                throw new ArgumentException($"Label at row {i} is {y}; labels must be finite.", nameof(data));
            if (data.Task == TaskKind.Multilabel && (y < 0 || y >= 1 << data.ClassCount || y != MathF.Floor(y)))
                throw new ArgumentException($"Label-set code {y} at row {i} is not a set of the {data.ClassCount} labels.", nameof(data));
            if (data.Task is TaskKind.Binary or TaskKind.Multiclass && (y < 0 || y >= data.ClassCount || y != MathF.Floor(y)))
                throw new ArgumentException($"Label {y} at row {i} is not a class index in 0..{data.ClassCount - 1}.", nameof(data));
        }
    }
}
