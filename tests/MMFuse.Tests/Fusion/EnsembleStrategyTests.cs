using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion;

public sealed class EnsembleStrategyTests
{
    [Fact]
    public void Averages_its_members_and_round_trips_with_payloads_that_cannot_clash()
    {
        var train = FusionTestData.Make();
        // Two members of the same kind write payloads with the same names; the ensemble must keep them apart.
        var members = new IFusionStrategy[] { new EarlyFusionStrategy("logreg"), new EarlyFusionStrategy("mlp"), new LateFusionStrategy("logreg") };
        var ensemble = new EnsembleStrategy("ensemble", members).Fit(train);
        var predictions = ensemble.Predict(train.Blocks);

        var separate = members.Select(m => m.Fit(train).Predict(train.Blocks)).ToArray();
        for (var r = 0; r < predictions.Length; r++)
            for (var c = 0; c < predictions[r].Length; c++)
                Assert.Equal(separate.Average(p => (double)p[r][c]), predictions[r][c], 1e-6); // float sums of three terms

        var (_, payloads) = ensemble.Describe();
        Assert.Equal(payloads.Count, payloads.Select(p => p.Name).Distinct().Count());
        FusionRoundTrip.AssertIdentical(ensemble, train.Task, train.Blocks);
    }
}
