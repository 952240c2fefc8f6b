using MMFuse.Cluster;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;

namespace MMFuse.Tests.Cluster;

/// <summary>What workers receive decodes to exactly what the client had: floats bit for bit, absent cells, options.</summary>
public sealed class WorkCodecTests
{
    [Fact]
    public void Work_round_trips_through_the_data_and_plan_blobs()
    {
        var features = new FeatureSet(3,
            [new FeatureBlock("image", "pixels", 2, [[1.5f, float.NaN], [0f, -0f], [float.Epsilon, 3e38f]], [true, false, true])],
            [("caption", (IReadOnlyList<string?>)["a cat", null, "ünïcode"])],
            [new TabularColumn("n", ColumnRole.Numeric, ["1", null, "2.5"])]);
        var work = new FoldWork(features, [0, 1, 0], TaskKind.Binary, 2, [new Fold(0, 0, [0, 1], [2]), new Fold(0, 1, [2], [0, 1])],
            NormalizeMode.MinMax, 9, [features], new TestTimeMissing(new Dictionary<string, double> { ["image"] = 0.3 }, 5), features);
        var (decoded, recipe) = WorkCodec.Decode(WorkCodec.EncodeData(work), WorkCodec.EncodePlan(work, "{\"r\":1}"));

        Assert.Equal("{\"r\":1}", recipe);
        Assert.Equal(WorkCodec.EncodeData(work), WorkCodec.EncodeData(decoded));
        Assert.Equal(WorkCodec.EncodePlan(work, recipe), WorkCodec.EncodePlan(decoded, recipe));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(decoded.Features.Pretrained[0].Rows[1][1]));
        Assert.Null(decoded.Features.TfidfText[0].Texts[1]);
        Assert.Equal(0.3, decoded.TestMissing!.ShareOf("image"));
        Assert.NotNull(decoded.TestFeatures);
    }

    [Fact]
    public void A_recipe_rebuilds_the_same_strategies_with_the_same_options()
    {
        var learner = new MlpOptions([64, 32], "gelu", 0.25, true, Training: new TrainingOptions("sgd", 0.1, 32, 7, 1e-4, "cosine", 3, 11, 1));
        var settings = new FusionSettings(new Dictionary<string, double> { ["image"] = 2 }, ["logreg", "gbdt"], true, new JointOptions(HiddenSize: 16, Training: learner.Training));
        var recipe = new StrategyRecipe(["early/mlp", "vote-soft/logreg", "joint-gated", "ensemble"], learner, settings, ["image", "audio"]);

        var again = StrategyRecipe.FromJson(recipe.ToJson());
        Assert.Equal(recipe.ToJson(), again.ToJson());
        Assert.Equal(recipe.Create().Select(s => s.Name), again.Create().Select(s => s.Name));
        Assert.Equal(learner.Training, again.LearnerOptions!.Training);
        Assert.Equal(settings.Joint, again.Settings!.Joint);
    }
}
