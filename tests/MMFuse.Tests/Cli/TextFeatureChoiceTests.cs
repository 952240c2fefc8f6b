using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

/// <summary>--text-features minilm+tfidf gives a text column two blocks that fuse, train and predict under consistent names;
/// auto chooses per fold and train records its choice; the default adds tf-idf for long texts only.</summary>
public sealed class TextFeatureChoiceTests
{
    private static readonly string[] Words = ["river", "mountain", "forest", "desert", "ocean", "valley"];

    /// <summary>24 short texts whose words tell wet from dry.</summary>
    private static string ShortTexts(TempDirectory dir)
    {
        var rows = Enumerable.Range(0, 24).Select(i => $"r{i},\"{Words[i % 2 * 3]} {Words[i % 3 + (i % 2) * 3]} walk {i}\",{(i % 2 == 0 ? "wet" : "dry")}");
        return dir.Write("texts.csv", "id,text,kind\n" + string.Join('\n', rows) + "\n");
    }

    [Fact]
    public void Minilm_and_tfidf_blocks_of_one_column_evaluate_train_and_predict()
    {
        using var dir = new TempDirectory();
        var csv = ShortTexts(dir);
        var (code, _, error) = CliRunner.Run("evaluate", csv, "--label", "kind", "--text-features", "minilm+tfidf", "--fusion", "late", "--cv", "2",
            "--cache", dir.File("cache"), "--json", dir.File("e.json"));
        Assert.True(code == 0, error);
        var modalities = JsonNode.Parse(File.ReadAllText(dir.File("e.json")))!["modalities"]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.Equal(["text", "text:tfidf"], modalities);

        (code, _, error) = CliRunner.Run("train", csv, "--label", "kind", "--text-features", "minilm+tfidf", "--cache", dir.File("cache"), "--out", dir.File("m.mmf"));
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("predict", dir.File("m.mmf"), csv, "--cache", dir.File("cache"), "--out", dir.File("p.csv"));
        Assert.True(code == 0, error);
        Assert.Equal(25, File.ReadAllLines(dir.File("p.csv")).Length);
        using var model = MultimodalModel.Load(dir.File("m.mmf"));
        Assert.Equal(["text", "text:tfidf"], model.Modalities);
        Assert.Equal(["text"], model.Columns);
    }

    [Fact]
    public void Auto_reports_each_folds_choice_and_train_records_its_own_for_predict()
    {
        using var dir = new TempDirectory();
        var csv = ShortTexts(dir);
        var (code, output, error) = CliRunner.Run("evaluate", csv, "--label", "kind", "--text-features", "auto", "--cv", "2",
            "--cache", dir.File("cache"), "--json", dir.File("e.json"));
        Assert.True(code == 0, error);
        var chosen = JsonNode.Parse(File.ReadAllText(dir.File("e.json")))!["text_features_auto"]!.AsArray();
        Assert.Equal(2, chosen.Count);
        Assert.All(chosen, c => Assert.Contains(c!["text"]!.GetValue<string>(), new[] { "minilm", "tfidf", "minilm+tfidf" }));
        Assert.Contains("text features: auto chose text:", output + error);

        (code, output, error) = CliRunner.Run("train", csv, "--label", "kind", "--text-features", "auto", "--cache", dir.File("cache"), "--out", dir.File("m.mmf"));
        Assert.True(code == 0, error);
        var trained = output + error;
        (code, _, error) = CliRunner.Run("predict", dir.File("m.mmf"), csv, "--cache", dir.File("cache"), "--out", dir.File("p.csv"));
        Assert.True(code == 0, error);
        Assert.Equal(25, File.ReadAllLines(dir.File("p.csv")).Length);
        using var model = MultimodalModel.Load(dir.File("m.mmf"));
        Assert.Contains("text features: auto → text: ", trained);
        // A column keeps one block under either single choice (named after the column) and two under both.
        Assert.Equal(trained.Contains("auto → text: minilm+tfidf") ? ["text", "text:tfidf"] : new[] { "text" }, model.Modalities);
    }

    [Fact]
    public void The_default_adds_tfidf_beside_minilm_only_for_a_column_of_long_texts()
    {
        using var dir = new TempDirectory();
        string Long(int i) => string.Join(' ', Enumerable.Range(0, 200).Select(k => Words[(i + k) % 6] + (k % 10 == 0 ? $" {i}" : "")));
        var rows = Enumerable.Range(0, 24).Select(i => $"r{i},\"{Words[i % 6]} walk {i}\",\"{Long(i)}\",{(i % 2 == 0 ? "wet" : "dry")}");
        var csv = dir.Write("texts.csv", "id,title,body,kind\n" + string.Join('\n', rows) + "\n");

        var (code, output, error) = CliRunner.Run("evaluate", csv, "--label", "kind", "--cv", "2", "--cache", dir.File("cache"), "--json", dir.File("e.json"));

        Assert.True(code == 0, error);
        var modalities = JsonNode.Parse(File.ReadAllText(dir.File("e.json")))!["modalities"]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.Equal(["title", "body", "body:tfidf"], modalities);
        Assert.Contains("default → minilm+tfidf for 'body'", output + error);
    }
}
