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

    [Fact]
    public void A_linked_folder_inside_the_allowed_folder_does_not_lead_out_of_it()
    {
        // allowed/ holds a link to a folder outside it; the file reached through the link is a real image, so only the
        // check of every link on the way (not just the final file's) refuses it.
        using var dir = new TempDirectory();
        var allowed = Directory.CreateDirectory(dir.File("allowed")).FullName;
        var outside = Directory.CreateDirectory(dir.File("outside")).FullName;
        File.Copy(TestPaths.SampleImage, Path.Combine(outside, "secret.png"));
        File.Copy(TestPaths.SampleImage, Path.Combine(allowed, "own.png"));
        Directory.CreateSymbolicLink(Path.Combine(allowed, "door"), outside);
        var options = new PredictOptions { UseCache = false, AllowedPathRoot = allowed };

        Assert.Equal(1, _trained.Model.Predict([new MultimodalRow { ["image"] = "own.png" }], options).Count);
        Assert.Contains("outside the allowed folder", Refused(_trained.Model, [new() { ["image"] = "door/secret.png" }], options));
    }

    [Fact]
    public void Validate_reads_pixel_counts_and_wav_durations_from_headers_and_names_row_and_column()
    {
        var image = File.ReadAllBytes(TestPaths.SampleImage); // 8x8
        var clip = File.ReadAllBytes(TestPaths.SampleClip);
        var model = _trained.Model;
        model.Validate([new MultimodalRow { ["image"] = image, ["audio"] = clip }]);
        var wide = Assert.Throws<MMFuseInputException>(() => model.Validate([new() { ["audio"] = clip }, new() { ["image"] = image }],
            new PredictOptions { MaxImagePixels = 63 }));
        Assert.Equal((1, "image"), (wide.RowIndex, wide.Column));
        Assert.Contains("8x8 is 64 pixels, above the limit of 63", wide.Message);
        var longClip = Assert.Throws<MMFuseInputException>(() => model.Validate([new() { ["audio"] = clip }], new PredictOptions { MaxAudioSeconds = 0.01 }));
        Assert.Equal((0, "audio"), (longClip.RowIndex, longClip.Column));
        Assert.Contains("audio too long", longClip.Message);
        Assert.Equal((0, "caption"), (Assert.Throws<MMFuseInputException>(() => model.Validate([new() { ["caption"] = "x" }])) is var e ? (e.RowIndex, e.Column) : default));
    }

    [Fact]
    public void A_file_that_fails_to_decode_is_refused_by_its_row_index()
    {
        var image = File.ReadAllBytes(TestPaths.SampleImage);
        var rows = new List<MultimodalRow> { new() { ["image"] = image }, new() { ["image"] = image[..(image.Length / 2)] } };
        _trained.Model.Validate(rows); // the header is intact: only decoding finds the damage
        var error = Assert.Throws<MMFuseInputException>(() => _trained.Model.Predict(rows, new PredictOptions { UseCache = false }));
        Assert.Equal((1, "image"), (error.RowIndex, error.Column));
        Assert.StartsWith("row index 1, column 'image': ", error.Message);
    }

    [Fact]
    public void Warm_up_and_repeated_predictions_give_the_numbers_of_a_fresh_model()
    {
        var row = new MultimodalRow { ["image"] = File.ReadAllBytes(TestPaths.SampleImage), ["audio"] = File.ReadAllBytes(TestPaths.SampleClip) };
        var options = new PredictOptions { UseCache = false };
        var first = _trained.Model.Predict([row], options).Outputs[0];
        Assert.True(_trained.Model.WarmUp(options) > TimeSpan.Zero);
        // The encoders kept between calls give what newly made ones gave.
        Assert.Equal(first, _trained.Model.Predict([row], options).Outputs[0]);
        Assert.Equal(first, _trained.Model.Predict([row, row], options).Outputs[1]);
    }

    private static string Refused(MultimodalModel model, List<MultimodalRow> rows, PredictOptions options) =>
        Assert.Throws<MMFuseInputException>(() => model.Predict(rows, options)).Message;
}
