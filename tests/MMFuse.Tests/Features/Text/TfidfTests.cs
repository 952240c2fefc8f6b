using System.Text.Json;
using MMFuse.Features.Text;

namespace MMFuse.Tests.Features.Text;

public sealed class TfidfTests
{
    private static readonly string[] Train =
    [
        "The cat sat on the mat",
        "A cat and a dog",
        "The dog barked at the cat, the cat ran",
        "Stock prices fell",
        "prices rose; the cat slept",
    ];

    private static double Norm(float[] row) => Math.Sqrt(row.Sum(v => (double)v * v));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MatchesScikitLearn(int caseIndex)
    {
        // tools/tfidf-reference/make_reference.py: scikit-learn's analyzers and TfidfVectorizer.
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("text", "tfidf-reference.json")));
        var root = json.RootElement;
        var train = root.GetProperty("train").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var eval = root.GetProperty("eval").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var expected = root.GetProperty("cases")[caseIndex];

        var model = TfidfFeaturizer.Fit(train, new TfidfOptions(MinDf: expected.GetProperty("minDf").GetInt32()));

        Assert.Equal(expected.GetProperty("terms").EnumerateArray().Select(e => e.GetString()!), model.Terms);
        var idf = expected.GetProperty("idf").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var i = 0; i < idf.Length; i++)
            Assert.Equal(idf[i], model.Idf[i], 1e-12);
        AssertRows(model, expected.GetProperty("trainRows"), model.Transform(train));
        AssertRows(model, expected.GetProperty("evalRows"), model.Transform(eval));
    }

    private static void AssertRows(TfidfModel model, JsonElement expectedRows, float[][] actual)
    {
        var rows = expectedRows.EnumerateArray().ToArray();
        Assert.Equal(rows.Length, actual.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var want = new double[model.Dimension];
            foreach (var p in rows[r].EnumerateObject())
                want[model.Terms.ToList().IndexOf(p.Name)] = p.Value.GetDouble();
            for (var c = 0; c < want.Length; c++)
                Assert.True(Math.Abs(want[c] - actual[r][c]) < 1e-6, $"row {r} '{model.Terms[c]}': {want[c]} vs {actual[r][c]}");
        }
    }

    [Fact]
    public void ATermOnlyInEvaluationRowsGetsNoColumn()
    {
        var model = TfidfFeaturizer.Fit(Train, new TfidfOptions(MinDf: 1));

        Assert.DoesNotContain("w:zebra", model.Terms);
        Assert.DoesNotContain(model.Terms, t => t.Contains("zeb"));
        var rows = model.Transform(["zebra", "the cat saw a zebra"]);
        Assert.All(rows[0], v => Assert.Equal(0f, v));  // present, but shares nothing with training
        Assert.Equal(1.0, Norm(rows[1]), 1e-6);

        // Fitting with the evaluation text would have changed the columns: the fold boundary matters.
        var leaky = TfidfFeaturizer.Fit([.. Train, "the cat saw a zebra"], new TfidfOptions(MinDf: 1));
        Assert.Contains("w:zebra", leaky.Terms);
    }

    [Fact]
    public void RowsHaveUnitNorm()
    {
        var model = TfidfFeaturizer.Fit(Train);
        foreach (var row in model.Transform([.. Train, "cat", "Dog prices fell"]))
            Assert.Equal(1.0, Norm(row), 1e-6);
    }

    [Fact]
    public void FittingIsDeterministicAndIndependentOfRowOrder()
    {
        var a = TfidfFeaturizer.Fit(Train, new TfidfOptions(MaxFeatures: 25, MinDf: 1));
        var b = TfidfFeaturizer.Fit(Train.Reverse().ToArray(), new TfidfOptions(MaxFeatures: 25, MinDf: 1));

        Assert.Equal(a.Terms, b.Terms);
        Assert.Equal(a.Idf, b.Idf);
        Assert.Equal(a.Transform(Train), b.Transform(Train));
    }

    [Fact]
    public void MaxFeaturesKeepsTheTermsInMostDocumentsTiesByTerm()
    {
        var all = TfidfFeaturizer.Fit(Train, new TfidfOptions(MinDf: 1));
        var capped = TfidfFeaturizer.Fit(Train, new TfidfOptions(MaxFeatures: 12, MinDf: 1));

        // idf falls as document frequency rises, so "most documents" is "smallest idf".
        var expected = all.Terms.Select((t, i) => (Term: t, Idf: all.Idf[i]))
            .OrderBy(x => x.Idf).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Take(12).Select(x => x.Term).Order(StringComparer.Ordinal);
        Assert.Equal(12, capped.Dimension);
        Assert.Equal(expected, capped.Terms);
        Assert.Contains("w:cat", capped.Terms);
    }

    [Fact]
    public void SavedModelReloadsToIdenticalRows()
    {
        var model = TfidfFeaturizer.Fit(Train);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;

        var loaded = TfidfModel.Load(buffer);

        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(model.Terms, loaded.Terms);
        Assert.Equal(model.Transform(Train), loaded.Transform(Train));
    }

    [Fact]
    public void RejectsEmptyTextsAndAnEmptyVocabulary()
    {
        Assert.Throws<ArgumentException>(() => TfidfFeaturizer.Fit(["cat", " "]));
        Assert.Throws<ArgumentException>(() => TfidfFeaturizer.Fit(Train).Transform([""]));
        var e = Assert.Throws<InvalidOperationException>(() => TfidfFeaturizer.Fit(Train, new TfidfOptions(MinDf: 6)));
        Assert.Contains("MinDf", e.Message);
    }
}
