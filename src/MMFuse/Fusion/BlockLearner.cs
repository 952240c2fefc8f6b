using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>How model-level fusion trains one learner on one modality block: which learner (and its options), the
/// task, the seed and the normalisation. Shared by late fusion, voting and stacking.</summary>
internal sealed record BlockLearner(string Learner, LearnerOptions? Options, TaskKind Task, int ClassCount, int Seed, NormalizeMode Normalize)
{
    /// <summary>Fits the block's normaliser and learner on the rows where the block is present. Returns null when
    /// those rows cannot train a learner (fewer than two, or a single class): the modality then counts as absent.</summary>
    /// <param name="block">The modality's rows.</param>
    /// <param name="targets">Class index or value per row.</param>
    /// <param name="weights">Sample weight per row; null for none.</param>
    public ModalityModel? Fit(FeatureBlock block, float[] targets, float[]? weights = null)
    {
        var present = Enumerable.Range(0, block.Count).Where(r => block.Present[r]).ToArray();
        if (present.Length < 2)
            return null;
        if (Task != TaskKind.Regression && present.Select(r => targets[r]).Distinct().Count() < 2)
            return null;
        var normalizer = BlockNormalizer.Fit(block, Normalize);
        var rows = normalizer.Transform(FeatureBlocks.Subset(block, present)).Rows;
        var predictor = LearnerFactory.Create(Learner, Task, Seed, Options)
            .Fit(new LearnerData(rows, present.Select(r => targets[r]).ToArray(), Task, ClassCount, weights is null ? null : present.Select(r => weights[r]).ToArray()));
        return new ModalityModel(normalizer, predictor);
    }
}
