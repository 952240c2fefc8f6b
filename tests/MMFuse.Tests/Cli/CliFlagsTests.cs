namespace MMFuse.Tests.Cli;

/// <summary>The library names its settings; the command line shows its flags in their place.</summary>
public sealed class CliFlagsTests
{
    [Fact]
    public void An_unknown_override_column_is_reported_with_the_flag_that_named_it()
    {
        var (code, _, error) = CliRunner.Run("inspect", TestPaths.Samples("emoji", "emoji.csv"), "--text", "Text");
        Assert.Equal(2, code);
        Assert.Contains("error: --text: there is no column 'Text' (did you mean 'text'?)", error);
        Assert.DoesNotContain("DatasetOptions", error);
    }

    [Fact]
    public void A_label_leak_hint_names_the_ignore_flag_with_the_column()
    {
        var (_, _, error) = CliRunner.Run("inspect", TestPaths.Samples("emoji", "emoji.csv"), "--label", "category");
        Assert.Contains("--ignore subcategory", error);
        Assert.DoesNotContain("DatasetOptions", error);
    }

    [Theory]
    [InlineData("1.1..0.9")]
    [InlineData("0.9..5")]
    [InlineData("fast")]
    public void A_speed_range_that_is_not_one_is_reported_with_its_flag(string range)
    {
        var (code, _, error) = CliRunner.Run("evaluate", TestPaths.Samples("emoji", "emoji.csv"), "--label", "category", "--augment", "1", "--augment-speed", range);
        Assert.Equal(2, code);
        Assert.Contains("--augment-speed", error);
        Assert.DoesNotContain("AudioAugmentationOptions", error);
    }
}
