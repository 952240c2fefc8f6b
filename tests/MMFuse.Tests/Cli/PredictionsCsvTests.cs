using System.Globalization;

namespace MMFuse.Tests.Cli;

/// <summary>Ids and labels that a spreadsheet would run as formulas are written neutralised; probabilities stay numbers.</summary>
public sealed class PredictionsCsvTests
{
    [Fact]
    public void Ids_and_labels_starting_like_a_formula_get_a_leading_quote_and_numbers_stay_plain()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 12).Select(i =>
            $"{(i % 2 == 0 ? "=" : "@")}id{i},{i % 2 * 10 + i % 3},{(i % 2 == 0 ? "=HYPERLINK(1)" : "-1")}");
        var manifest = dir.Write("m.csv", "key,x,label\n" + string.Join('\n', rows) + "\n");
        var model = dir.File("model.mmf");
        var (code, _, error) = CliRunner.Run("train", manifest, "--label", "label", "--id", "key", "--out", model, "--cache", dir.File("cache"));
        Assert.True(code == 0, error);
        var predictions = dir.File("p.csv");
        (code, _, error) = CliRunner.Run("predict", model, manifest, "--out", predictions, "--cache", dir.File("cache"));
        Assert.True(code == 0, error);

        var lines = File.ReadAllLines(predictions);
        Assert.Equal("id,prediction,p_-1,p_=HYPERLINK(1)", lines[0]);
        var first = lines[1].Split(',');
        Assert.Equal("'=id0", first[0]);
        Assert.Equal("'=HYPERLINK(1)", first[1]);
        var second = lines[2].Split(',');
        Assert.Equal("'@id1", second[0]);
        Assert.Equal("-1", second[1]); // a plain number cannot carry a formula
        foreach (var line in lines.Skip(1))
            Assert.All(line.Split(',')[2..], p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
