using MMFuse.Evaluation;
using MMFuse.Features;

namespace MMFuse.Tests.Evaluation;

public sealed class AugmentedTrainingRowsTests
{
    private static FeatureSet Rows(float offset, int count = 6) => new(
        count,
        [new FeatureBlock("a", "test", 1, Enumerable.Range(0, count).Select(i => new[] { offset + i }).ToArray(), Enumerable.Repeat(true, count).ToArray())],
        [("t", Enumerable.Range(0, count).Select(i => (string?)$"text {i}").ToArray())],
        []);

    [Fact]
    public void Variants_of_training_rows_follow_them_and_no_test_row_is_ever_used()
    {
        var original = Rows(0);
        var variants = new[] { Rows(100), Rows(200) };
        var targets = new float[] { 0, 1, 2, 3, 4, 5 };
        var train = new[] { 1, 4 };

        var (rows, rowTargets) = CrossValidator.TrainingRows(original, targets, train, variants);

        Assert.Equal(6, rows.Rows);
        Assert.Equal([1f, 4f, 101f, 104f, 201f, 204f], rows.Pretrained[0].Rows.Select(r => r[0]));
        Assert.Equal([1f, 4f, 1f, 4f, 1f, 4f], rowTargets);
        Assert.Equal(["text 1", "text 4", "text 1", "text 4", "text 1", "text 4"], rows.TfidfText[0].Texts.Select(t => t!));
    }

    [Fact]
    public void Without_variants_the_training_rows_are_the_fold_rows()
    {
        var (rows, rowTargets) = CrossValidator.TrainingRows(Rows(0), [0, 1, 2, 3, 4, 5], [0, 5], null);
        Assert.Equal([0f, 5f], rows.Pretrained[0].Rows.Select(r => r[0]));
        Assert.Equal([0f, 5f], rowTargets);
    }
}
