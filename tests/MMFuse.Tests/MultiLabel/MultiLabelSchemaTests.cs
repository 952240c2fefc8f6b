using MMFuse.Data;

namespace MMFuse.Tests.MultiLabel;

/// <summary>The multilabel task is inferred from a label separator or several label columns, can be forced, and
/// refuses a contradicting task; label columns never become features, and inspection counts rows per label.</summary>
public sealed class MultiLabelSchemaTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Tags() => _dir.Write("tags.csv", "x,z,tags\n1,5,a;b\n2,6,b\n3,7,\n4,8,a;c\n5,9,c; a\n");

    [Fact]
    public void A_separator_makes_the_task_multilabel_and_inspection_counts_each_label()
    {
        var inspection = MultimodalDataset.Inspect(Tags(), new DatasetOptions { Label = "tags", LabelSeparator = ";" });
        Assert.Equal(TaskKind.Multilabel, inspection.Schema.Task);
        Assert.Equal(";", inspection.Schema.LabelSeparator);
        Assert.Equal([("a", 3L), ("b", 2L), ("c", 2L)], inspection.Label!.Classes.Select(c => (c.Key, c.Value)));
        Assert.Equal(5, inspection.RowsKept); // the empty cell is the empty set, not a bad row
    }

    [Fact]
    public void Forcing_multilabel_on_one_column_reads_it_with_the_default_separator()
    {
        var schema = MultimodalDataset.Inspect(Tags(), new DatasetOptions { Label = "tags", Task = TaskKind.Multilabel }).Schema;
        Assert.Equal(SchemaInferrer.DefaultLabelSeparator, schema.LabelSeparator);
    }

    [Fact]
    public void Several_label_columns_are_labels_not_features()
    {
        var path = _dir.Write("flags.csv", "x,a,b,c\n1,1,0,1\n2,0,1,0\n3,1,1,0\n4,0,0,1\n");
        var data = MultimodalDataset.Load(path, options: new DatasetOptions { LabelColumns = ["a", "b", "c"] });
        Assert.Equal(TaskKind.Multilabel, data.Task);
        Assert.All(new[] { "a", "b", "c" }, c => Assert.Equal(ColumnRole.Label, data.Schema[c].Role));
        Assert.Equal(["a", "b", "c"], data.Classes);
        Assert.Equal(["tabular"], data.Modalities);
    }

    [Fact]
    public void A_single_label_task_with_a_separator_is_refused()
    {
        var error = Assert.Throws<MMFuseInputException>(() =>
            MultimodalDataset.Inspect(Tags(), new DatasetOptions { Label = "tags", LabelSeparator = ";", Task = TaskKind.Multiclass }));
        Assert.Contains("DatasetOptions.Task = Multiclass", error.Message);
    }
}
