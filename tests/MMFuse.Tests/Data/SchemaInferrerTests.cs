using MMFuse.Data;

namespace MMFuse.Tests.Data;

public sealed class SchemaInferrerTests
{
    private static DatasetSchema Infer(string path, SchemaOptions options) => SchemaInferrer.Infer(Manifest.Open(path), options).Schema;

    private static Dictionary<string, ColumnRole> Roles(DatasetSchema schema) => schema.Columns.ToDictionary(c => c.Name, c => c.Role);

    [Fact]
    public void Emoji_has_image_text_numeric_categorical_and_label_roles()
    {
        var schema = Infer(Path.Combine(TestPaths.SharedDatasets, "emoji", "emoji.csv"), new SchemaOptions { Label = "category" });
        var roles = Roles(schema);
        Assert.Equal(ColumnRole.Id, roles["id"]);
        Assert.Equal(ColumnRole.Image, roles["image"]);
        Assert.Equal(ColumnRole.Text, roles["text"]);
        Assert.Equal(ColumnRole.Numeric, roles["added_in"]);
        Assert.Equal(ColumnRole.Numeric, roles["has_skin_tones"]);
        Assert.Equal(ColumnRole.Categorical, roles["subcategory"]);
        Assert.Equal(ColumnRole.Ignore, roles["vendor"]); // one constant value carries no information
        Assert.Equal(ColumnRole.Label, roles["category"]);
        Assert.Equal(TaskKind.Multiclass, schema.Task);
    }

    [Fact]
    public void Avdigits_has_image_and_audio_and_a_numeric_multiclass_label()
    {
        var schema = Infer(Path.Combine(TestPaths.SharedDatasets, "avdigits", "avdigits.csv"), new SchemaOptions { Label = "digit" });
        var roles = Roles(schema);
        Assert.Equal(ColumnRole.Image, roles["image"]);
        Assert.Equal(ColumnRole.Audio, roles["audio"]);
        Assert.Equal(ColumnRole.Id, roles["id"]);
        Assert.Equal(TaskKind.Multiclass, schema.Task);
    }

    [Fact]
    public void Overrides_win_over_inference()
    {
        var options = new SchemaOptions
        {
            Label = "category",
            Overrides = new Dictionary<ColumnRole, IReadOnlyList<string>>
            {
                [ColumnRole.Categorical] = ["has_skin_tones"],
                [ColumnRole.Ignore] = ["text"],
            },
        };
        var roles = Roles(Infer(TestPaths.Samples("emoji", "emoji.csv"), options));
        Assert.Equal(ColumnRole.Categorical, roles["has_skin_tones"]);
        Assert.Equal(ColumnRole.Ignore, roles["text"]);
    }

    [Fact]
    public void An_unknown_column_in_an_override_names_the_option_and_the_columns()
    {
        var options = new SchemaOptions { Overrides = new Dictionary<ColumnRole, IReadOnlyList<string>> { [ColumnRole.Text] = ["Text"] } };
        var error = Assert.Throws<MMFuseInputException>(() => Infer(TestPaths.Samples("emoji", "emoji.csv"), options));
        Assert.Contains("DatasetOptions.Roles[Text]: there is no column 'Text' (did you mean 'text'?)", error.Message);
    }

    [Fact]
    public void A_column_given_two_roles_is_rejected()
    {
        var options = new SchemaOptions
        {
            Overrides = new Dictionary<ColumnRole, IReadOnlyList<string>> { [ColumnRole.Text] = ["vendor"], [ColumnRole.Ignore] = ["vendor"] },
        };
        var error = Assert.Throws<MMFuseInputException>(() => Infer(TestPaths.Samples("emoji", "emoji.csv"), options));
        Assert.Contains("'vendor' is given both", error.Message);
    }

    [Theory]
    [InlineData("y\nyes\nno\nyes\n", null, TaskKind.Binary)]
    [InlineData("y\n1\n2\n3\n1\n", null, TaskKind.Multiclass)]
    [InlineData("y\n1.5\n2\n3\n", null, TaskKind.Regression)]
    [InlineData("y\n1\n2\n3\n", TaskKind.Regression, TaskKind.Regression)]
    public void The_task_follows_the_label_unless_overridden(string csv, TaskKind? forced, TaskKind expected)
    {
        using var dir = new TempDirectory();
        Assert.Equal(expected, Infer(dir.Write("t.csv", csv), new SchemaOptions { Label = "y", Task = forced }).Task);
    }

    [Fact]
    public void Many_distinct_integers_mean_regression()
    {
        using var dir = new TempDirectory();
        var csv = "y\n" + string.Join("\n", Enumerable.Range(0, 50)) + "\n";
        Assert.Equal(TaskKind.Regression, Infer(dir.Write("t.csv", csv), new SchemaOptions { Label = "y" }).Task);
    }

    [Fact]
    public void Regression_on_words_is_refused()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<MMFuseInputException>(() =>
            Infer(dir.Write("t.csv", "y\ncat\ndog\n"), new SchemaOptions { Label = "y", Task = TaskKind.Regression }));
        Assert.Contains("not numbers", error.Message);
    }

    [Fact]
    public void Mostly_numeric_columns_stay_numeric_and_identifier_like_strings_are_ignored()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(0, 40).Select(i => $"{(i == 7 ? "oops" : i.ToString())},code-{i},{(i % 2 == 0 ? "red" : "blue")},the quick brown fox {i}");
        var schema = Infer(dir.Write("t.csv", "n,code,colour,notes\n" + string.Join("\n", lines)), new SchemaOptions());
        var roles = Roles(schema);
        Assert.Equal(ColumnRole.Numeric, roles["n"]);    // 39 of 40 parse: 97.5 %
        Assert.Equal(ColumnRole.Ignore, roles["code"]);
        Assert.Equal(ColumnRole.Categorical, roles["colour"]);
        Assert.Equal(ColumnRole.Text, roles["notes"]);
    }
}
