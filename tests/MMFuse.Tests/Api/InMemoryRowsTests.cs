using MMFuse.Data;

namespace MMFuse.Tests.Api;

/// <summary>Rows built in code predict exactly as the same rows read from a table, and values that do not fit are refused by row index and column.</summary>
public sealed class InMemoryRowsTests : IClassFixture<InMemoryRowsTests.TrainedModel>
{
    private readonly TrainedModel _trained;

    public InMemoryRowsTests(TrainedModel trained) => _trained = trained;

    /// <summary>One early/logreg model on the avdigits sample, shared by the tests.</summary>
    public sealed class TrainedModel : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public TrainedModel()
        {
            var data = MultimodalDataset.Load(Manifest, label: "digit", new DatasetOptions { CacheFolder = _dir.File("cache") });
            Model = data.Train(Strategies.Early(Learner.LogReg()));
        }

        public MultimodalModel Model { get; }

        public string Cache => _dir.File("cache");

        public void Dispose()
        {
            Model.Dispose();
            _dir.Dispose();
        }
    }

    private static string Manifest => TestPaths.Samples("avdigits", "avdigits.csv");

    [Fact]
    public void Bytes_and_streams_predict_the_same_numbers_as_the_files_named_in_a_table()
    {
        var lines = File.ReadAllLines(Manifest).Skip(1).Take(6).Select(l => l.Split(',')).ToList();
        var rows = lines.Select((f, i) => new MultimodalRow(f[0])
        {
            ["image"] = File.ReadAllBytes(TestPaths.Samples("avdigits", f[1])),
            ["audio"] = i % 2 == 0 ? new MemoryStream(File.ReadAllBytes(TestPaths.Samples("avdigits", f[2]))) : File.ReadAllBytes(TestPaths.Samples("avdigits", f[2])),
        }).ToList();
        var fromTable = _trained.Model.Predict(Manifest, new PredictOptions { CacheFolder = _trained.Cache });
        var fromRows = _trained.Model.Predict(rows, new PredictOptions { UseCache = false });
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(lines[r][0], fromRows.Ids[r]);
            Assert.Equal(fromTable.Outputs[r], fromRows.Outputs[r]);
            Assert.Equal(fromTable[r].Label, fromRows[r].Label);
        }
    }

    [Fact]
    public void A_modality_left_out_is_absent_and_reported()
    {
        var image = File.ReadAllBytes(TestPaths.SampleImage);
        var prediction = _trained.Model.Predict([new MultimodalRow { ["image"] = image }], new PredictOptions { UseCache = false, Explain = true })[0];
        Assert.Equal(["audio"], prediction.Absent);
        Assert.NotNull(prediction.Label);
        Assert.Equal(1.0, prediction.Probabilities!.Values.Sum(), 3);
        Assert.Equal(0.0, prediction.Explanation!.Contributions.Single(c => c.Key == "audio").Value);
    }

    [Fact]
    public void Values_that_do_not_fit_are_refused_naming_row_index_and_column()
    {
        var image = File.ReadAllBytes(TestPaths.SampleImage);
        var model = _trained.Model;
        var options = new PredictOptions { UseCache = false };
        Assert.Contains("row index 1, column 'caption'", Refused(model, [new() { ["image"] = image }, new() { ["caption"] = "x" }], options));
        Assert.Contains("row index 0, column 'audio': not a recognised audio clip", Refused(model, [new() { ["audio"] = image }], options));
        Assert.Contains("row index 0, column 'image': the image is empty", Refused(model, [new() { ["image"] = Array.Empty<byte>() }], options));
        Assert.Contains("file paths are not accepted", Refused(model, [new() { ["image"] = TestPaths.SampleImage }], options));
        Assert.Contains("above the limit", Refused(model, [new() { ["image"] = image }], options with { MaxMediaBytes = 16 }));
        Assert.Contains("not a Int32[]", Refused(model, [new() { ["image"] = new[] { 1, 2 } }], options));
    }

    [Fact]
    public void A_path_is_taken_only_inside_the_allowed_folder()
    {
        var folder = TestPaths.Samples("avdigits");
        var options = new PredictOptions { UseCache = false, AllowedPathRoot = Path.Combine(folder, "images") };
        var inside = _trained.Model.Predict([new MultimodalRow { ["image"] = Path.GetFileName(TestPaths.SampleImage) }], options);
        Assert.Equal(1, inside.Count);
        Assert.Contains("outside the allowed folder", Refused(_trained.Model, [new() { ["image"] = "../audio/" + Path.GetFileName(TestPaths.SampleClip) }], options));
        Assert.Contains("outside the allowed folder", Refused(_trained.Model, [new() { ["image"] = "/etc/passwd" }], options));
    }

    private static string Refused(MultimodalModel model, List<MultimodalRow> rows, PredictOptions options) =>
        Assert.Throws<MMFuseInputException>(() => model.Predict(rows, options)).Message;
}
