using MMFuse.Data;
using MMFuse.Fusion;
using MMFuse.Fusion.Explanation;

namespace MMFuse.Tests.Fusion.Explanation;

public sealed class ModalityShapleyTests
{
    public static TheoryData<string> Strategies => new() { "early", "late" };

    private static IFusionStrategy Strategy(string name) => name == "early" ? new EarlyFusionStrategy("logreg") : new LateFusionStrategy("logreg");

    [Theory]
    [MemberData(nameof(Strategies))]
    public void The_modality_the_label_depends_on_gets_nearly_all_the_credit(string name)
    {
        // Block "a" carries the class, block "b" is noise (and absent in about 10 % of rows).
        var train = FusionTestData.Make(rows: 150);
        using var model = Strategy(name).Fit(train);

        var explanations = ModalityShapley.Explain(model, train.Blocks, TaskKind.Multiclass);

        var a = explanations.Average(e => Math.Abs(e.Contributions[0].Value));
        var b = explanations.Average(e => Math.Abs(e.Contributions[1].Value));
        Assert.Equal(["a", "b"], explanations[0].Contributions.Select(c => c.Key));
        Assert.True(a / (a + b) > 0.9, $"{name}: a {a:F4}, b {b:F4}");
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Contributions_sum_to_the_prediction_minus_the_all_absent_baseline_and_an_absent_modality_gets_none(string name)
    {
        var train = FusionTestData.Make(rows: 120, absentShare: 0.3);
        using var model = Strategy(name).Fit(train);
        var full = model.Predict(train.Blocks);

        var explanations = ModalityShapley.Explain(model, train.Blocks, TaskKind.Multiclass);

        for (var r = 0; r < explanations.Count; r++)
        {
            var e = explanations[r];
            Assert.Equal(full[r].Max(), e.Prediction, 5);
            Assert.Equal(e.Prediction - e.Baseline, e.Contributions.Sum(c => c.Value), 5);
            if (!train.Blocks[1].Present[r])
                Assert.Equal(0, e.Contributions[1].Value, 9);
        }
    }

    [Fact]
    public void Too_many_modalities_are_refused()
    {
        var train = FusionTestData.Make(rows: 30);
        using var model = new EarlyFusionStrategy("logreg").Fit(train);
        var blocks = Enumerable.Range(0, ModalityShapley.MaxModalities + 1).Select(i => train.Blocks[0] with { Modality = "m" + i }).ToArray();
        Assert.Throws<ArgumentException>(() => ModalityShapley.Explain(model, blocks, TaskKind.Multiclass));
    }
}
