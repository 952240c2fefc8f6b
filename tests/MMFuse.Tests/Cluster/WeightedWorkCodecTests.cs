using MMFuse.Cluster;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Cluster;

/// <summary>Workers receive the sample weights and the class weighting, so a weighted run scores the same on a cluster.</summary>
public sealed class WeightedWorkCodecTests
{
    [Theory]
    [InlineData(true, ClassWeight.Balanced)]
    [InlineData(true, ClassWeight.None)]
    [InlineData(false, ClassWeight.Balanced)]
    public void Weighting_round_trips_through_the_blobs(bool rowWeights, ClassWeight classes)
    {
        var features = new FeatureSet(3, [new FeatureBlock("image", "pixels", 1, [[1f], [2f], [3f]], [true, true, true])], [], []);
        var work = new FoldWork(features, [0, 1, 0], TaskKind.Binary, 2, [new Fold(0, 0, [0, 1], [2])], NormalizeMode.ZScore, 1)
        {
            Weighting = new SampleWeighting(rowWeights ? [0.5f, 0f, 3.25f] : null, classes),
        };

        var (decoded, _) = WorkCodec.Decode(WorkCodec.EncodeData(work), WorkCodec.EncodePlan(work, "{}"));

        Assert.Equal(classes, decoded.Weighting!.Classes);
        Assert.Equal(work.Weighting.Rows, decoded.Weighting.Rows);
    }

    [Fact]
    public void Unweighted_work_stays_unweighted()
    {
        var features = new FeatureSet(1, [new FeatureBlock("image", "pixels", 1, [[1f]], [true])], [], []);
        var work = new FoldWork(features, [0], TaskKind.Binary, 2, [], NormalizeMode.ZScore, 1);
        Assert.Null(WorkCodec.Decode(WorkCodec.EncodeData(work), WorkCodec.EncodePlan(work, "{}")).Work.Weighting);
    }
}
