using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>How stacking builds its meta-features.</summary>
/// <param name="InnerFolds">Inner k-fold over the training rows that produces the out-of-fold base predictions.</param>
/// <param name="LearnerOptions">Options per learner name (base or meta); a learner not listed uses its defaults.</param>
/// <param name="Bases">Whether the base learners see each modality alone, the concatenated blocks, or both.</param>
public sealed record StackingOptions(int InnerFolds = 5, IReadOnlyDictionary<string, LearnerOptions>? LearnerOptions = null,
    StackingBases Bases = StackingBases.Both)
{
    internal LearnerOptions? For(string learner) => LearnerOptions?.GetValueOrDefault(learner);
}
