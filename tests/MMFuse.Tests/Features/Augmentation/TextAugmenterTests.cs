using MMFuse.Features.Augmentation;

namespace MMFuse.Tests.Features.Augmentation;

public sealed class TextAugmenterTests
{
    private const string Sentence = "the quick brown fox jumps over the lazy dog again and again";

    [Fact]
    public void Dropping_every_word_still_leaves_one_of_them()
    {
        var augmenter = new TextAugmenter(new TextAugmentationOptions { WordDropout = 1, SwapProbability = 0 });
        var words = Sentence.Split(' ');
        for (var seed = 0; seed < 50; seed++)
            Assert.Contains(augmenter.Augment(Sentence, new Random(seed)), words);
        Assert.Equal("alone", augmenter.Augment("  alone ", new Random(1)));
    }

    [Fact]
    public void Swapping_every_pair_moves_each_word_by_one()
    {
        var augmenter = new TextAugmenter(new TextAugmentationOptions { WordDropout = 0, SwapProbability = 1 });
        Assert.Equal("b a d c e", augmenter.Augment("a b c d e", new Random(1)));
    }

    [Fact]
    public void With_nothing_on_only_the_spacing_is_normalised()
    {
        var augmenter = new TextAugmenter(new TextAugmentationOptions { WordDropout = 0, SwapProbability = 0 });
        Assert.Equal("a b\u00e9 c", augmenter.Augment(" a \t b\u00e9\n c ", new Random(1)));
    }

    [Fact]
    public void Defaults_only_drop_and_reorder_existing_words_and_are_repeatable()
    {
        var augmenter = new TextAugmenter(new TextAugmentationOptions());
        var original = Sentence.Split(' ');
        var distinct = new HashSet<string>();
        for (var seed = 0; seed < 100; seed++)
        {
            var text = augmenter.Augment(Sentence, new Random(seed));
            Assert.Equal(text, augmenter.Augment(Sentence, new Random(seed)));
            distinct.Add(text);
            var words = text.Split(' ');
            Assert.NotEmpty(words);
            Assert.All(words, w => Assert.Contains(w, original));
            Assert.InRange(words.Length, 1, original.Length);
        }
        Assert.True(distinct.Count > 50, $"only {distinct.Count} distinct variants of 100");
    }

    [Fact]
    public void Blank_text_is_refused()
    {
        var augmenter = new TextAugmenter(new TextAugmentationOptions());
        Assert.Throws<ArgumentException>(() => augmenter.Augment(" \n ", new Random(1)));
    }
}
