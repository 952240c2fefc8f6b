using MMFuse.Data;
using MMFuse.Data.Leakage;
using MMFuse.Evaluation;

namespace MMFuse.Tests.Evaluation;

public sealed class UnimodalLeakCheckTests
{
    private static CrossValidationResult Row(string strategy, string fusion, double accuracy) => new(strategy, fusion, [], [],
        new Dictionary<string, MetricSummary> { ["accuracy"] = MetricSummary.Of([accuracy]) }, [], 0);

    [Fact]
    public void A_modality_alone_nearly_perfect_while_the_others_are_far_below_is_a_label_leak()
    {
        var leak = UnimodalLeakCheck.Check([Row("early/logreg", "early", 1.0), Row("tabular-only/gbdt", "unimodal", 0.998), Row("image-only/logreg", "unimodal", 0.41)],
            TaskKind.Multiclass);
        Assert.NotNull(leak);
        Assert.Equal(("tabular", DataWarningKinds.LabelLeak), (leak.Column, leak.Kind));
    }

    [Fact]
    public void Two_strong_modalities_or_no_perfect_one_raise_nothing()
    {
        Assert.Null(UnimodalLeakCheck.Check([Row("tabular-only/gbdt", "unimodal", 0.995), Row("image-only/logreg", "unimodal", 0.97)], TaskKind.Multiclass));
        Assert.Null(UnimodalLeakCheck.Check([Row("tabular-only/gbdt", "unimodal", 0.9), Row("image-only/logreg", "unimodal", 0.4)], TaskKind.Multiclass));
    }
}
