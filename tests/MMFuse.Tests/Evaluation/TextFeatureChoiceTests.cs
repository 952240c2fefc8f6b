using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Evaluation.Tuning;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Evaluation;

public sealed class TextFeatureChoiceTests
{
    private const int Rows = 60;
    private static readonly string[] Filler = Enumerable.Range(0, 25).Select(i => "filler" + (char)('a' + i)).ToArray();

    /// <summary>One text column with both blocks: the words tell the class (<paramref name="wordsTell"/>) or the MiniLM
    /// block does; the other block is noise.</summary>
    private static (FeatureSet Features, float[] Targets) Table(bool wordsTell, int seed = 1)
    {
        var random = new Random(seed);
        var targets = Enumerable.Range(0, Rows).Select(i => (float)(i % 3)).ToArray();
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Filler[random.Next(Filler.Length)]));
        var texts = targets.Select(t => wordsTell ? $"{Words(6)} class{"xyz"[(int)t]}word {Words(6)}" : Words(12)).ToArray();
        var vectors = targets.Select(t => Enumerable.Range(0, 8)
            .Select(d => (float)((wordsTell ? 0 : d == (int)t ? 3 : 0) + random.NextDouble() - 0.5)).ToArray()).ToArray();
        var minilm = new FeatureBlock("body", "minilm", 8, vectors, Enumerable.Repeat(true, Rows).ToArray());
        return (new FeatureSet(Rows, [minilm], [("body:tfidf", texts)], []) { AutoText = ["body"] }, targets);
    }

    private static FoldWork Work(FeatureSet features, float[] targets) =>
        new(features, targets, TaskKind.Multiclass, 3, Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 3, 1, 42), Rows,
            targets.Select(t => (int)t).ToArray()), NormalizeMode.ZScore, 42);

    [Fact]
    public void Auto_keeps_the_block_that_carries_the_class_in_every_fold()
    {
        var (words, wordTargets) = Table(wordsTell: true);
        var (vectors, vectorTargets) = Table(wordsTell: false);

        var byWords = TextFeatureChoice.PerFold(Work(words, wordTargets));
        var byVectors = TextFeatureChoice.PerFold(Work(vectors, vectorTargets));

        Assert.All(byWords, c => Assert.NotEqual("minilm", c["body"]));
        Assert.All(byVectors, c => Assert.NotEqual("tfidf", c["body"]));
    }

    [Fact]
    public void A_folds_choice_does_not_depend_on_its_test_rows()
    {
        var (features, targets) = Table(wordsTell: true);
        var work = Work(features, targets);
        var fold = work.Folds[0];
        // The test rows' words and labels turned upside down, and MiniLM made to tell their class: a leaky choice would move.
        var texts = features.TfidfText[0].Texts.ToArray();
        var vectors = features.Pretrained[0].Rows.Select(r => (float[])r.Clone()).ToArray();
        var changedTargets = (float[])targets.Clone();
        foreach (var i in fold.Test)
        {
            changedTargets[i] = (targets[i] + 1) % 3;
            texts[i] = "fillera fillerb";
            vectors[i] = Enumerable.Range(0, 8).Select(d => d == (int)changedTargets[i] ? 10f : 0f).ToArray();
        }
        var changed = features with
        {
            Pretrained = [features.Pretrained[0] with { Rows = vectors }],
            TfidfText = [("body:tfidf", texts)],
        };

        var before = TextFeatureChoice.Choose(work, fold.Train);
        var after = TextFeatureChoice.Choose(work with { Features = changed, Targets = changedTargets }, fold.Train);

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_fold_keeps_only_its_chosen_blocks_and_nothing_is_left_to_choose()
    {
        var (features, targets) = Table(wordsTell: true);
        var work = Work(features, targets);

        var fold = TextFeatureChoice.ForFold(work, 1);
        var choice = TextFeatureChoice.PerFold(work)[1]["body"];

        Assert.Empty(fold.Features.AutoText);
        Assert.Equal(choice switch { "tfidf" => ["body:tfidf"], "minilm" => ["body"], _ => new[] { "body", "body:tfidf" } }, fold.Features.BlockNames);
        var withoutAuto = work with { Features = features with { AutoText = [] } };
        Assert.Same(withoutAuto, TextFeatureChoice.ForFold(withoutAuto, 1));
    }

    [Fact]
    public void Per_fold_choices_read_as_one_line()
    {
        IReadOnlyList<IReadOnlyDictionary<string, string>> perFold =
        [
            new Dictionary<string, string> { ["body"] = "tfidf" },
            new Dictionary<string, string> { ["body"] = "minilm+tfidf" },
            new Dictionary<string, string> { ["body"] = "tfidf" },
        ];

        Assert.Equal("body: tfidf in folds 1, 3, minilm+tfidf in fold 2", TextFeatureChoice.Describe(perFold));
        Assert.Equal("body: tfidf", TextFeatureChoice.Describe([perFold[0]]));
    }
}
