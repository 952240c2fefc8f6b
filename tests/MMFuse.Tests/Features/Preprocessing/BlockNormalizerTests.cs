using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Features.Preprocessing;

public sealed class BlockNormalizerTests
{
    [Fact]
    public void ZScoreKnownAnswer()
    {
        var block = Blocks.Make("b", [[1f], [2f], [3f], [4f]]);
        var fitted = BlockNormalizer.Fit(block);

        Assert.Equal(2.5, fitted.Center[0]);
        Assert.Equal(Math.Sqrt(1.25), fitted.Scale[0]); // population std
        Assert.Equal((float)(-1.5 / Math.Sqrt(1.25)), fitted.Transform(block).Rows[0][0]);
    }

    [Fact]
    public void ZScoredTrainingRowsHaveMeanZeroAndStdOne()
    {
        var block = Blocks.Make("b", Blocks.Random(seed: 1, rows: 200, columns: 5));
        var rows = BlockNormalizer.Fit(block).Transform(block).Rows;
        for (var c = 0; c < 5; c++)
        {
            var column = rows.Select(r => r[c]).ToArray();
            Assert.Equal(0, Blocks.Mean(column), 1e-5);
            Assert.Equal(1, Blocks.Std(column), 1e-5);
        }
    }

    [Fact]
    public void StatisticsComeFromPresentTrainingRowsOnly()
    {
        // Rows 0-99 train; 100-109 evaluate with extreme values; rows 90-99 are absent and hold garbage.
        var rows = Blocks.Random(seed: 2, rows: 110, columns: 3);
        for (var r = 90; r < 110; r++)
            rows[r] = [1e6f, -1e6f, 1e7f];
        var present = Enumerable.Range(0, 110).Select(r => r is < 90 or >= 100).ToArray();
        var all = Blocks.Make("b", rows, present);
        var train = FeatureBlocks.Subset(all, Enumerable.Range(0, 100).ToArray());

        var fitted = BlockNormalizer.Fit(train);

        for (var c = 0; c < 3; c++)
        {
            var trainColumn = rows.Take(90).Select(r => r[c]).ToArray();
            Assert.Equal(Blocks.Mean(trainColumn), fitted.Center[c], 1e-9);
            Assert.Equal(Blocks.Std(trainColumn), fitted.Scale[c], 1e-9);
        }
        var evaluated = fitted.Transform(all).Rows;
        Assert.Equal((float)((1e6 - fitted.Center[0]) / fitted.Scale[0]), evaluated[105][0]);
    }

    [Theory]
    [InlineData(NormalizeMode.ZScore)]
    [InlineData(NormalizeMode.MinMax)]
    [InlineData(NormalizeMode.None)]
    public void AbsentRowsBecomeTheTrainingMean(NormalizeMode mode)
    {
        var block = Blocks.Make("b", [[1f, 10f], [3f, 30f], [0f, 0f], [99f, 99f]], [true, true, false, false]);
        var fitted = BlockNormalizer.Fit(block, mode);
        var rows = fitted.Transform(block).Rows;

        float[] expected = mode switch
        {
            NormalizeMode.ZScore => [0f, 0f],
            NormalizeMode.MinMax => [0.5f, 0.5f],
            _ => [2f, 20f],
        };
        Assert.Equal(expected, rows[2]);
        Assert.Equal(expected, rows[3]);
        Assert.Equal([2.0, 20.0], fitted.Fill);
    }

    [Fact]
    public void MinMaxMapsTrainingRangeToUnitInterval()
    {
        var block = Blocks.Make("b", [[2f, -5f], [4f, 5f], [3f, 0f]]);
        var rows = BlockNormalizer.Fit(block, NormalizeMode.MinMax).Transform(block).Rows;
        Assert.Equal([0f, 0f], rows[0]);
        Assert.Equal([1f, 1f], rows[1]);
        Assert.Equal([0.5f, 0.5f], rows[2]);
    }

    [Theory]
    [InlineData(NormalizeMode.ZScore)]
    [InlineData(NormalizeMode.MinMax)]
    public void ConstantColumnStaysFinite(NormalizeMode mode)
    {
        // 0.1f repeated: a naive std could come out as a rounding-error 1e-17 and blow deviations up.
        var block = Blocks.Make("b", Enumerable.Range(0, 7).Select(i => new[] { 0.1f, i }).ToArray());
        var fitted = BlockNormalizer.Fit(block, mode);

        Assert.Equal(1.0, fitted.Scale[0]);
        Assert.All(fitted.Transform(block).Rows, r => Assert.Equal(0f, r[0]));
        var other = fitted.Transform(Blocks.Make("b", [[0.6f, 3f]])).Rows[0];
        Assert.True(float.IsFinite(other[0]));
        Assert.Equal((float)(0.6f - 0.1f), other[0], 1e-6f);
    }

    [Fact]
    public void NonFiniteValuesInPresentRowsBecomeTheTrainingMedian()
    {
        var block = Blocks.Make("b", [[1f], [float.NaN], [2f], [10f], [float.PositiveInfinity]]);
        var fitted = BlockNormalizer.Fit(block, NormalizeMode.None);

        Assert.Equal(2.0, fitted.Median[0]);
        Assert.Equal(17.0 / 5, fitted.Fill[0], 1e-12); // mean after imputation: 1, 2, 2, 10, 2
        var rows = fitted.Transform(Blocks.Make("b", [[float.NegativeInfinity], [float.NaN], [5f]])).Rows;
        Assert.Equal([[2f], [2f], [5f]], rows);
    }

    [Fact]
    public void RejectsBlocksThatCannotBeFittedOrDoNotMatch()
    {
        var noPresent = Blocks.Make("b", [[1f]], [false]);
        Assert.Contains("no present training row", Assert.Throws<ArgumentException>(() => BlockNormalizer.Fit(noPresent)).Message);
        Assert.Throws<ArgumentException>(() => BlockNormalizer.Fit(Blocks.Make("b", [[1f]], [true, true])));

        var fitted = BlockNormalizer.Fit(Blocks.Make("b", [[1f, 2f]]));
        var wrongName = Assert.Throws<ArgumentException>(() => fitted.Transform(Blocks.Make("c", [[1f, 2f]])));
        Assert.Contains("'c'", wrongName.Message);
        Assert.Throws<ArgumentException>(() => fitted.Transform(Blocks.Make("b", [[1f, 2f, 3f]])));
        Assert.Throws<ArgumentException>(() => fitted.Transform(new MMFuse.Features.FeatureBlock("b", "test", 2, [[1f]], [true])));
    }

    [Theory]
    [InlineData(NormalizeMode.ZScore)]
    [InlineData(NormalizeMode.MinMax)]
    [InlineData(NormalizeMode.None)]
    public void JsonRoundTripGivesBitIdenticalRows(NormalizeMode mode)
    {
        var rows = Blocks.Random(seed: 3, rows: 50, columns: 4);
        rows[7][2] = float.NaN;
        var block = Blocks.Make("b", rows, Enumerable.Range(0, 50).Select(r => r % 6 != 0).ToArray());
        var fitted = BlockNormalizer.Fit(block, mode);

        var json = fitted.ToJson();
        Assert.Equal(mode.Name(), (string?)json["mode"]);
        var restored = FittedNormalizer.FromJson(Blocks.Reparse(json));

        var eval = Blocks.Make("b", Blocks.Random(seed: 4, rows: 20, columns: 4));
        Blocks.AssertBitIdentical(fitted.Transform(block).Rows, restored.Transform(block).Rows);
        Blocks.AssertBitIdentical(fitted.Transform(eval).Rows, restored.Transform(eval).Rows);
    }

    [Fact]
    public void ModesParseByName()
    {
        Assert.Equal(NormalizeMode.MinMax, NormalizeModes.Parse("MinMax"));
        Assert.Equal(NormalizeMode.ZScore, NormalizeModes.Parse("zscore"));
        Assert.Throws<ArgumentException>(() => NormalizeModes.Parse("robust"));
    }
}
