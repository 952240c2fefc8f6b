using MMFuse.Bundle;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion;

/// <summary>Saves a fusion model in a one-file model and loads it back through <see cref="FusionModels.Load"/>.</summary>
internal static class FusionRoundTrip
{
    public static IFusionModel SaveAndLoad(IFusionModel model, TaskKind task)
    {
        using var dir = new TempDirectory();
        var (spec, payloads) = model.Describe();
        var writer = new ModelBundleWriter(new ModelManifest
        {
            CreatedUtc = DateTimeOffset.UnixEpoch,
            Schema = new ManifestSchema([], "y", task),
            Fusion = spec,
        });
        foreach (var (name, kind, write) in payloads)
            writer.AddPayload(name, kind, write);
        writer.Write(dir.File("m.mmf"));
        var bundle = ModelBundle.Load(dir.File("m.mmf"));
        return FusionModels.Load(bundle.Manifest.Fusion, bundle.LoadPredictor);
    }

    /// <summary>The loaded model predicts the same bits as the trained one.</summary>
    public static void AssertIdentical(IFusionModel model, TaskKind task, IReadOnlyList<FeatureBlock> blocks)
    {
        var expected = model.Predict(blocks);
        var actual = SaveAndLoad(model, task).Predict(blocks);
        Assert.Equal(expected.Length, actual.Length);
        for (var r = 0; r < expected.Length; r++)
            Assert.Equal(expected[r].Select(BitConverter.SingleToInt32Bits), actual[r].Select(BitConverter.SingleToInt32Bits));
    }
}
