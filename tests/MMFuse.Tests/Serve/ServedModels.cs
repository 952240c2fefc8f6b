using MMFuse.Data;

namespace MMFuse.Tests.Serve;

/// <summary>
/// Two small models saved to files, trained once for all serve tests: avdigits (image + audio, 120 rows) and a
/// quarter of the emoji sample (image + text + numbers). Each model's sample table is written with absolute paths
/// so <c>mmfuse predict</c> reads the very files the HTTP requests send.
/// </summary>
public sealed class ServedModels : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ServedModels()
    {
        Cache = _dir.File("cache");
        AvDigits = Train("avdigits", TestPaths.Samples("avdigits", "avdigits.csv"), "digit", []);
        var emoji = SampleTable.Absolute(TestPaths.Samples("emoji", "emoji.csv"), _dir.File("emoji.csv"), every: 4);
        Emoji = Train("emoji", emoji, "category", ["subcategory"]);
    }

    public string Cache { get; }

    public SampleModel AvDigits { get; }

    public SampleModel Emoji { get; }

    private SampleModel Train(string name, string table, string label, IReadOnlyList<string> ignore)
    {
        var data = MultimodalDataset.Load(table, label, new DatasetOptions
        {
            CacheFolder = Cache, Roles = new Dictionary<ColumnRole, IReadOnlyList<string>> { [ColumnRole.Ignore] = ignore },
        });
        using var model = data.Train(Strategies.Early(Learner.LogReg()));
        var path = _dir.File(name + ".mmf");
        model.Save(path);
        var table2 = table.StartsWith(_dir.Path, StringComparison.Ordinal) ? table : SampleTable.Absolute(table, _dir.File(name + ".csv"), every: 1);
        return new SampleModel(path, table2, label);
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>A saved model, the table it was trained on (absolute paths) and its label column.</summary>
public sealed record SampleModel(string Path, string Table, string Label);
