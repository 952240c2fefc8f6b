using MMFuse.Data;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Features.Preprocessing;

public sealed class TabularFeaturizerTests
{
    private static TabularColumn Num(string name, params string?[] values) => new(name, ColumnRole.Numeric, values);
    private static TabularColumn Cat(string name, params string?[] values) => new(name, ColumnRole.Categorical, values);

    [Fact]
    public void MissingNumericGetsTrainingMedianAndIndicator()
    {
        var model = TabularFeaturizer.Fit([Num("added_in", "1", "10", null, "2")]);

        Assert.Equal(["added_in", "added_in_missing"], model.FeatureNames);
        var block = model.Transform([Num("added_in", "1.5e3", null)]);
        Assert.Equal("tabular", block.Modality);
        Assert.Equal(2, block.Dimension);
        Assert.Equal([1500f, 0f], block.Rows[0]);
        Assert.Equal([2f, 1f], block.Rows[1]); // median of 1, 2, 10
        Assert.Equal([true, false], block.Present);
    }

    [Fact]
    public void EvenCountMedianIsMeanOfMiddleValues()
    {
        var model = TabularFeaturizer.Fit([Num("x", "4", "1", "3", "100", null)]);
        Assert.Equal(3.5, ((NumericColumnModel)model.Columns[0]).Median);
    }

    [Fact]
    public void StatisticsComeFromTrainingRowsOnly()
    {
        // Rows 0-3 train, 4-5 evaluate; the evaluation rows are extreme and would move the median and the top category.
        string?[] x = ["1", "2", "3", null, "1e9", "2e9", "3e9"];
        string?[] colour = ["red", "red", "blue", "green", "violet", "violet", "violet"];
        var train = new[] { 0, 1, 2, 3 };
        var model = TabularFeaturizer.Fit(
            [Num("x", train.Select(i => x[i]).ToArray()), Cat("colour", train.Select(i => colour[i]).ToArray())],
            new TabularOptions(MaxCategories: 1));

        Assert.Equal(2.0, ((NumericColumnModel)model.Columns[0]).Median);
        Assert.Equal(["red"], ((CategoricalColumnModel)model.Columns[1]).Categories);
        var block = model.Transform([Num("x", null, "1e9"), Cat("colour", "violet", "red")]);
        Assert.Equal([2f, 1f, 0f, 1f, 0f], block.Rows[0]);
        Assert.Equal([1e9f, 0f, 1f, 0f, 0f], block.Rows[1]);
    }

    [Fact]
    public void IndicatorOnlyWhenTrainingSawMissing()
    {
        var model = TabularFeaturizer.Fit([Num("x", "1", "2", "3")]);

        Assert.Equal(["x"], model.FeatureNames);
        var block = model.Transform([Num("x", null, "not-a-number", "7")]);
        Assert.Equal(1, block.Dimension);
        Assert.Equal([2f], block.Rows[0]);
        Assert.Equal([2f], block.Rows[1]); // unparseable → missing
        Assert.Equal([false, false, true], block.Present);
    }

    [Fact]
    public void AllMissingNumericImputesZeroWithIndicator()
    {
        var model = TabularFeaturizer.Fit([Num("x", null, null)]);
        Assert.Equal([0f, 1f], model.Transform([Num("x", (string?)null)]).Rows[0]);
        Assert.Equal([5f, 0f], model.Transform([Num("x", "5")]).Rows[0]);
    }

    [Fact]
    public void CategoriesOneHotWithOtherAndMissingSlots()
    {
        var model = TabularFeaturizer.Fit([Cat("subcategory", "keycap", "switch", "keycap", "rare", "switch", "keycap", null)],
            new TabularOptions(MaxCategories: 2));

        Assert.Equal(["subcategory=keycap", "subcategory=switch", "subcategory=<other>", "subcategory=<missing>"], model.FeatureNames);
        var block = model.Transform([Cat("subcategory", "switch", "rare", "never-seen", null, "Keycap")]);
        Assert.Equal([0f, 1f, 0f, 0f], block.Rows[0]);
        Assert.Equal([0f, 0f, 1f, 0f], block.Rows[1]); // rare: not in the top 2
        Assert.Equal([0f, 0f, 1f, 0f], block.Rows[2]); // unseen
        Assert.Equal([0f, 0f, 0f, 1f], block.Rows[3]);
        Assert.Equal([0f, 0f, 1f, 0f], block.Rows[4]); // case-sensitive
        Assert.Equal([true, true, true, false, true], block.Present);
    }

    [Fact]
    public void TopKTiesAreBrokenByNameWhateverTheRowOrder()
    {
        string?[] values = ["d", "c", "b", "a", "e", "a", "b", "c", "d", "a", "a"]; // a:4, b/c/d: 2 each, e: 1
        var k3 = new TabularOptions(MaxCategories: 3);

        var forward = TabularFeaturizer.Fit([Cat("t", values)], k3);
        var backward = TabularFeaturizer.Fit([Cat("t", values.Reverse().ToArray())], k3);

        Assert.Equal(["a", "b", "c"], ((CategoricalColumnModel)forward.Columns[0]).Categories);
        Assert.Equal(forward.FeatureNames, backward.FeatureNames);
    }

    [Fact]
    public void RowIsAbsentOnlyWhenEveryTabularCellIsMissing()
    {
        var model = TabularFeaturizer.Fit([Num("n", "1", null), Cat("c", "a", null)]);
        var block = model.Transform([Num("n", null, "2", null), Cat("c", null, null, "a")]);
        Assert.Equal([false, true, true], block.Present);
        Assert.Equal(model.Dimension, block.Rows[0].Length); // absent rows still carry their imputed encoding
    }

    [Fact]
    public void ColumnsAreMatchedByNameAndChecked()
    {
        var model = TabularFeaturizer.Fit([Num("n", "1"), Cat("c", "a")]);

        var swapped = model.Transform([Cat("c", "a"), Num("n", "3")]);
        Assert.Equal([3f, 1f, 0f, 0f], swapped.Rows[0]);

        var missing = Assert.Throws<ArgumentException>(() => model.Transform([Num("n", "1")]));
        Assert.Contains("missing: c", missing.Message);
        var extra = Assert.Throws<ArgumentException>(() => model.Transform([Num("n", "1"), Cat("c", "a"), Num("z", "1")]));
        Assert.Contains("unexpected: z", extra.Message);
        Assert.Throws<ArgumentException>(() => model.Transform([Cat("n", "1"), Cat("c", "a")]));
        Assert.Throws<ArgumentException>(() => model.Transform([Num("n", "1", "2"), Cat("c", "a")]));
    }

    [Fact]
    public void RejectsBadFitInput()
    {
        Assert.Throws<ArgumentException>(() => TabularFeaturizer.Fit([]));
        Assert.Throws<ArgumentException>(() => TabularFeaturizer.Fit([new TabularColumn("t", ColumnRole.Text, ["x"])]));
        Assert.Throws<ArgumentException>(() => TabularFeaturizer.Fit([Num("x", "1"), Num("x", "2")]));
        Assert.Throws<ArgumentException>(() => TabularFeaturizer.Fit([Num("x")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TabularFeaturizer.Fit([Num("x", "1")], new TabularOptions(-1)));
    }

    [Fact]
    public void FromRowsTakesTheSchemasTabularColumns()
    {
        var schema = new DatasetSchema(
        [
            new ColumnSchema("id", 0, ColumnRole.Id, ""),
            new ColumnSchema("price", 1, ColumnRole.Numeric, ""),
            new ColumnSchema("kind", 2, ColumnRole.Categorical, ""),
        ], null, null);
        var columns = TabularColumn.FromRows(schema, [["a", "1", "x"], ["b", null, "y"]]);
        Assert.Equal(["price", "kind"], columns.Select(c => c.Name));
        Assert.Equal(["1", null], columns[0].Values);
        Assert.Equal(ColumnRole.Categorical, columns[1].Role);
    }

    [Fact]
    public void JsonRoundTripGivesBitIdenticalRows()
    {
        var random = new Random(7);
        var numbers = Enumerable.Range(0, 41).Select(_ => random.Next(5) == 0 ? null : (random.NextDouble() * 1e3 - 17).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var categories = Enumerable.Range(0, 41).Select(i => i % 7 == 0 ? null : $"c{random.Next(9)}").ToArray();
        TabularColumn[] columns = [Num("n", numbers), Cat("c", categories)];
        var model = TabularFeaturizer.Fit(columns, new TabularOptions(MaxCategories: 4));

        var json = model.ToJson();
        Assert.Equal("numeric", (string?)json["columns"]![0]!["kind"]);
        Assert.Null(json["columns"]![0]!["width"]); // derived, not stored
        var restored = TabularModel.FromJson(Blocks.Reparse(json));

        Assert.Equal(model.FeatureNames, restored.FeatureNames);
        Assert.Equal(model.Options, restored.Options);
        var a = model.Transform(columns);
        var b = restored.Transform(columns);
        Blocks.AssertBitIdentical(a.Rows, b.Rows);
        Assert.Equal(a.Present, b.Present);
        Assert.Throws<InvalidDataException>(() => TabularModel.FromJson(System.Text.Json.Nodes.JsonNode.Parse("""{"options":{"maxCategories":3},"columns":[]}""")!));
    }
}
