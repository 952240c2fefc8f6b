using Microsoft.ML;
using Microsoft.ML.Data;
using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>Builds ML.NET <see cref="IDataView"/>s over <c>float[][]</c> rows without copying them.
/// Label types follow ML.NET's conventions: bool for binary, a key with ClassCount values for multiclass (so class k
/// keeps score slot k even when a class is missing from a fold), float for regression. A key field of a row class
/// holds the 0-based class index: ML.NET adds the 1 of its internal key encoding itself (a +1 here shifts every
/// class by one; the multiclass accuracy tests catch that).</summary>
internal static class MlNetData
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";
    public const string WeightColumn = "Weight";

    public static IDataView Training(MLContext ml, LearnerData data) => data.Task switch
    {
        TaskKind.Binary => Load(ml, data, y => y == 1f, labelType: null),
        TaskKind.Multiclass => Load(ml, data, y => (uint)y, new KeyDataViewType(typeof(uint), data.ClassCount)),
        TaskKind.Regression => Load(ml, data, y => y, labelType: null),
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.Task, "Unknown task."),
    };

    public static IDataView FeaturesOnly(MLContext ml, float[][] features, int columns)
    {
        var schema = SchemaDefinition.Create(typeof(MlNetFeatureRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        var rows = features.Select(f => new MlNetFeatureRow { Features = f });
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static IDataView Load<TLabel>(MLContext ml, LearnerData data, Func<float, TLabel> label, DataViewType? labelType)
    {
        var schema = SchemaDefinition.Create(typeof(MlNetTrainingRow<TLabel>));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Columns);
        if (labelType is not null)
            schema[LabelColumn].ColumnType = labelType;
        var rows = new MlNetTrainingRow<TLabel>[data.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new MlNetTrainingRow<TLabel>
            {
                Features = data.Features[i],
                Label = label(data.Labels[i]),
                Weight = data.Weights?[i] ?? 1f,
            };
        }
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
