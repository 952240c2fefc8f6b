using System.Globalization;
using MMFuse.Data;
using MMFuse.Data.Leakage;

namespace MMFuse.Tests.Data.Leakage;

/// <summary>Each kind of data warning on a synthetic table made to have it, and none on the shared tables used properly.</summary>
public sealed class LeakageScannerTests
{
    private static IReadOnlyList<DataWarning> Scan(string header, IEnumerable<string> rows, string label, params string[] categorical)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("m.csv", header + "\n" + string.Join("\n", rows) + "\n");
        var options = new SchemaOptions
        {
            Label = label,
            Overrides = new Dictionary<ColumnRole, IReadOnlyList<string>> { [ColumnRole.Categorical] = categorical },
        };
        return ManifestInspector.Inspect(Manifest.Open(path), options, BadRowPolicy.Fail).DataWarnings;
    }

    /// <summary>120 rows, 4 classes; "size" is an honest noisy number, "colour" a weakly related category.</summary>
    private static IEnumerable<string> Rows(Func<int, string> extra)
    {
        var random = new Random(5);
        return Enumerable.Range(0, 120).Select(i =>
        {
            var label = "c" + i % 4;
            var size = (i % 4 + random.NextDouble() * 3).ToString("F3", CultureInfo.InvariantCulture);
            var colour = random.NextDouble() < 0.6 ? "red" : "blue";
            return $"{size},{colour},{extra(i)},{label}";
        });
    }

    [Fact]
    public void A_column_derived_from_the_label_is_a_label_leak()
    {
        // Two sub-kinds per class, as emoji's subcategory under its category.
        var warnings = Scan("size,colour,kind,label", Rows(i => $"k{i % 8}"), "label");
        var leak = Assert.Single(warnings);
        Assert.Equal(("kind", DataWarningKinds.LabelLeak), (leak.Column, leak.Kind));
        Assert.Contains("100.0 %", leak.Detail);
        Assert.Contains("DatasetOptions.Roles[Ignore] = [\"kind\"]", leak.Detail);
    }

    [Fact]
    public void A_strong_but_honest_column_is_not_a_leak()
    {
        // Agrees with the label 85 % of the time: predictive, not a mapping.
        var random = new Random(9);
        var warnings = Scan("size,colour,hint,label", Rows(i => random.NextDouble() < 0.85 ? $"h{i % 4}" : $"h{random.Next(4)}"), "label");
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_categorical_column_unique_per_row_and_row_numbers_are_id_like()
    {
        // Role inference already ignores unique codes; a user who forces one in as a category is warned.
        var warnings = Scan("size,colour,code,serial,label", Rows(i => $"x{i * 7919 % 1000:D4},{i + 1}"), "label", "code");
        Assert.Equal(
            [("code", DataWarningKinds.IdLike), ("serial", DataWarningKinds.IdLike)],
            warnings.Select(w => (w.Column, w.Kind)).OrderBy(w => w.Column));
    }

    [Fact]
    public void A_column_missing_exactly_for_one_class_is_a_missing_pattern()
    {
        var warnings = Scan("size,colour,note,label", Rows(i => i % 4 == 2 ? "" : (i % 3).ToString(CultureInfo.InvariantCulture)), "label");
        var pattern = Assert.Single(warnings);
        Assert.Equal(("note", DataWarningKinds.MissingPattern), (pattern.Column, pattern.Kind));
        Assert.Contains("30 of the 30 rows labelled 'c2'", pattern.Detail);
    }

    [Fact]
    public void A_numeric_copy_of_a_regression_target_is_a_label_leak()
    {
        var random = new Random(2);
        var rows = Enumerable.Range(0, 80).Select(i =>
        {
            var y = random.NextDouble() * 100;
            return string.Create(CultureInfo.InvariantCulture, $"{random.NextDouble():F4},{y * 2.54 + 1:F4},{y:F4}");
        });
        var leak = Assert.Single(Scan("noise,inches,target", rows, "target"));
        Assert.Equal(("inches", DataWarningKinds.LabelLeak), (leak.Column, leak.Kind));
    }

    [Theory]
    [InlineData("emoji/emoji.csv", "category", "subcategory")]
    [InlineData("emoji/emoji.csv", "subcategory", null)]
    [InlineData("avdigits/avdigits.csv", "digit", null)]
    public void The_shared_tables_used_properly_raise_none(string table, string label, string? ignore)
    {
        var options = new SchemaOptions
        {
            Label = label,
            Overrides = new Dictionary<ColumnRole, IReadOnlyList<string>> { [ColumnRole.Ignore] = ignore is null ? [] : [ignore] },
        };
        var result = ManifestInspector.Inspect(Manifest.Open(Path.Combine(TestPaths.SharedDatasets, table)), options, BadRowPolicy.Fail);
        Assert.Empty(result.DataWarnings);
    }

    [Fact]
    public void Emoji_category_with_subcategory_as_a_feature_is_caught()
    {
        var result = ManifestInspector.Inspect(Manifest.Open(Path.Combine(TestPaths.SharedDatasets, "emoji", "emoji.csv")),
            new SchemaOptions { Label = "category" }, BadRowPolicy.Fail);
        var leak = Assert.Single(result.DataWarnings);
        Assert.Equal(("subcategory", DataWarningKinds.LabelLeak), (leak.Column, leak.Kind));
    }
}
