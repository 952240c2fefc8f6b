using MMFuse.Data;
using MMFuse.Learners.Torch;

namespace MMFuse.Tests.Learners.Torch;

public sealed class InnerSplitTests
{
    [Fact]
    public void Classification_split_is_stratified_disjoint_and_complete()
    {
        var labels = Enumerable.Repeat(0f, 50).Concat(Enumerable.Repeat(1f, 30)).Concat(Enumerable.Repeat(2f, 20)).Concat([3f]).ToArray();
        var (train, validation) = InnerSplit.Split(labels, TaskKind.Multiclass, 0.1, seed: 1);
        Assert.Equal([5, 3, 2], validation.GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Contains(100, train); // the single row of class 3 stays in training
        Assert.Equal(Enumerable.Range(0, labels.Length), train.Concat(validation).Order());
        Assert.Equal(validation, InnerSplit.Split(labels, TaskKind.Multiclass, 0.1, seed: 1).Validation);
    }

    [Fact]
    public void Tiny_or_disabled_splits_keep_every_row_for_training()
    {
        var labels = new float[] { 0, 1, 0, 1, 0, 1 };
        Assert.Empty(InnerSplit.Split(labels, TaskKind.Binary, 0.1, 1).Validation);
        Assert.Empty(InnerSplit.Split(new float[40], TaskKind.Regression, 0, 1).Validation);
        Assert.Equal(4, InnerSplit.Split(new float[40], TaskKind.Regression, 0.1, 1).Validation.Length);
    }
}
