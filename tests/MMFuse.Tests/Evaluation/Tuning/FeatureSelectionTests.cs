using MMFuse.Data;
using MMFuse.Evaluation.Tuning;
using MMFuse.Features;

namespace MMFuse.Tests.Evaluation.Tuning;

public sealed class FeatureSelectionTests
{
    private static FeatureSet BothBlocks()
    {
        var minilm = new FeatureBlock("text", "minilm", 2, [[1, 0], [0, 1]], [true, true]);
        var image = new FeatureBlock("image", "pixels", 1, [[1], [0]], [true, true]);
        return new FeatureSet(2, [image, minilm], [("text:tfidf", ["a b", "c d"])], []);
    }

    [Fact]
    public void A_text_choice_only_drops_blocks_of_the_features_extracted_with_both()
    {
        var features = BothBlocks();

        Assert.Equal(["minilm", "tfidf", "minilm+tfidf"], FeatureSelection.TextChoices(features));
        Assert.Equal(["image", "text"], FeatureSelection.Apply(features, "minilm").BlockNames);
        Assert.Equal(["image", "text:tfidf"], FeatureSelection.Apply(features, "tfidf").BlockNames);
        Assert.Same(features, FeatureSelection.Apply(features, "minilm+tfidf"));
        Assert.Same(features, FeatureSelection.Apply(features, null));
    }

    [Fact]
    public void The_text_choice_is_searched_only_where_both_blocks_exist_and_never_for_a_single_block()
    {
        var both = BothBlocks();
        var minilmOnly = both with { TfidfText = [] };

        Assert.Equal(3, SearchSpace.For("early/logreg", null, null, both).TextChoices.Count);
        Assert.Empty(SearchSpace.For("early/logreg", null, null, minilmOnly).TextChoices);
        Assert.Empty(SearchSpace.For("image-only/logreg", null, null, both).TextChoices);
        var sampled = SearchSpace.For("early/logreg", null, null, both).Sample(30, seed: 4);
        Assert.Null(sampled[0].TextFeatures);
        Assert.Equal(3, sampled.Skip(1).Select(c => c.TextFeatures).Distinct().Count());
    }

    [Fact]
    public void Each_column_keeps_the_blocks_of_its_own_choice()
    {
        var features = BothBlocks() with { AutoText = ["text", "title"] };
        features = features with
        {
            Pretrained = [.. features.Pretrained, new FeatureBlock("title", "minilm", 1, [[1], [0]], [true, true])],
            TfidfText = [.. features.TfidfText, ("title:tfidf", ["e f", "g h"])],
        };

        var chosen = FeatureSelection.ApplyByColumn(features, new Dictionary<string, string> { ["text"] = "tfidf", ["title"] = "minilm" });

        Assert.Equal(["image", "title", "text:tfidf"], chosen.BlockNames);
        Assert.Empty(chosen.AutoText);
        Assert.Equal(["title"], FeatureSelection.ApplyByColumn(features, new Dictionary<string, string> { ["text"] = "minilm+tfidf" }).AutoText);
        Assert.Throws<MMFuseInputException>(() => FeatureSelection.ApplyByColumn(features, new Dictionary<string, string> { ["text"] = "bert" }));
    }
}
