namespace MMFuse.Features.Preprocessing;

/// <summary>Fits early fusion (one normaliser per block, concatenation, presence indicators) on a fold's training rows.</summary>
public static class EarlyFusion
{
    /// <exception cref="ArgumentException">No blocks, duplicate names, blocks of different lengths, or a block with no present row.</exception>
    public static EarlyFusionModel Fit(IReadOnlyList<FeatureBlock> trainBlocks, NormalizeMode mode = NormalizeMode.ZScore)
    {
        EarlyFusionModel.CheckBlocks(trainBlocks);
        var normalizers = trainBlocks.Select(b => BlockNormalizer.Fit(b, mode)).ToArray();
        // An indicator only for blocks with an absent training row: for the others it would be constant 1 in
        // training, which no learner can use. The set is fixed here and stored with the model.
        var indicators = trainBlocks.Where(b => b.Present.Contains(false)).Select(b => b.Modality).ToArray();
        return new EarlyFusionModel(normalizers, indicators);
    }
}
