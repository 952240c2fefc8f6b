using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Features.Preprocessing;

public sealed class EarlyFusionTests
{
    // Training: image always present, audio absent in row 2.
    private static readonly FeatureBlock Image = Blocks.Make("image", [[1f, 0f], [3f, 2f], [5f, 4f]]);
    private static readonly FeatureBlock Audio = Blocks.Make("audio", [[10f], [20f], [0f]], [true, true, false]);

    [Fact]
    public void ConcatenatesNormalisedBlocksThenIndicatorsForBlocksWithAbsentTrainingRows()
    {
        var model = EarlyFusion.Fit([Image, Audio]);

        Assert.Equal(4, model.Dimension);
        Assert.Equal(["audio"], model.PresenceIndicators);
        Assert.Equal(["image:0", "image:1", "audio:0", "audio:present"], model.FeatureNames());
        var fused = model.Transform([Image, Audio]);
        var z = (float)(2 / Math.Sqrt(8.0 / 3)); // std of 1, 3, 5
        Assert.Equal([-z, -z, -1f, 1f], fused[0]);
        Assert.Equal([0f, 0f, 1f, 1f], fused[1]);
        Assert.Equal([z, z, 0f, 0f], fused[2]); // absent audio → training mean → 0, indicator 0
    }

    [Fact]
    public void BlockAbsentOnlyAtEvaluationGetsMeanButNoIndicator()
    {
        var model = EarlyFusion.Fit([Image, Audio]);
        var evalImage = Blocks.Make("image", [[100f, 100f]], [false]);
        var evalAudio = Blocks.Make("audio", [[30f]]);

        Assert.Equal([0f, 0f, 3f, 1f], model.Transform([evalAudio, evalImage])[0]); // order of the list does not matter
    }

    [Fact]
    public void MismatchedBlocksGiveClearErrors()
    {
        var model = EarlyFusion.Fit([Image, Audio]);

        var missing = Assert.Throws<ArgumentException>(() => model.Transform([Image]));
        Assert.Contains("fitted: image, audio; given: image", missing.Message);
        var renamed = Assert.Throws<ArgumentException>(() => model.Transform([Image, Audio with { Modality = "sound" }]));
        Assert.Contains("sound", renamed.Message);
        var wider = Assert.Throws<ArgumentException>(() => model.Transform([Image, Blocks.Make("audio", [[1f, 2f], [1f, 2f], [1f, 2f]])]));
        Assert.Contains("2 dims", wider.Message);
        var otherExtractor = Assert.Throws<ArgumentException>(() => model.Transform([Image, Audio with { ExtractorId = "mfcc" }]));
        Assert.Contains("mfcc", otherExtractor.Message);
        var shorter = Assert.Throws<ArgumentException>(() => model.Transform([Image, FeatureBlocks.Subset(Audio, [0])]));
        Assert.Contains("rows", shorter.Message);
        Assert.Throws<ArgumentException>(() => EarlyFusion.Fit([Image, Image]));
        Assert.Throws<ArgumentException>(() => EarlyFusion.Fit([]));
    }

    [Fact]
    public void FitsOnTheTrainingFoldOnly()
    {
        var image = Blocks.Make("image", [[1f], [2f], [3f], [1000f]]);
        var audio = Blocks.Make("audio", [[1f], [1f], [2f], [-1000f]], [true, true, true, false]);
        int[] trainRows = [0, 1, 2];

        var model = EarlyFusion.Fit(FeatureBlocks.Subset([image, audio], trainRows));

        Assert.Empty(model.PresenceIndicators); // the fold's training rows have no absent audio
        Assert.Equal(2.0, model.Normalizers[0].Center[0]);
        Assert.Equal(4.0 / 3, model.Normalizers[1].Center[0], 1e-12);
        var fused = model.Transform([image, audio]);
        Assert.Equal(0f, fused[3][1]);
    }

    [Fact]
    public void SubsetPicksRowsInOrder()
    {
        var subset = FeatureBlocks.Subset([Image, Audio], [2, 0, 2]);
        Assert.Equal([[5f, 4f], [1f, 0f], [5f, 4f]], subset[0].Rows);
        Assert.Equal([false, true, false], subset[1].Present);
        Assert.Equal("audio", subset[1].Modality);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureBlocks.Subset(Image, [3]));
    }

    [Fact]
    public void FeatureNamesCanComeFromTheBlocks()
    {
        var tabular = TabularFeaturizer.Fit([new TabularColumn("x", MMFuse.Data.ColumnRole.Numeric, ["1", null, "2"])]);
        var block = tabular.Transform([new TabularColumn("x", MMFuse.Data.ColumnRole.Numeric, ["1", null, "2"])]);
        var model = EarlyFusion.Fit([block, Image]);

        var names = model.FeatureNames(new Dictionary<string, IReadOnlyList<string>> { ["tabular"] = tabular.FeatureNames });
        Assert.Equal(["tabular:x", "tabular:x_missing", "image:0", "image:1", "tabular:present"], names);
    }

    [Fact]
    public void JsonRoundTripGivesBitIdenticalRows()
    {
        var a = Blocks.Make("a", Blocks.Random(seed: 5, rows: 60, columns: 6), Enumerable.Range(0, 60).Select(r => r % 4 != 1).ToArray());
        var b = Blocks.Make("b", Blocks.Random(seed: 6, rows: 60, columns: 3));
        var model = EarlyFusion.Fit([a, b], NormalizeMode.MinMax);

        var restored = EarlyFusionModel.FromJson(Blocks.Reparse(model.ToJson()));

        Assert.Equal(model.FeatureNames(), restored.FeatureNames());
        Blocks.AssertBitIdentical(model.Transform([a, b]), restored.Transform([a, b]));
    }
}
