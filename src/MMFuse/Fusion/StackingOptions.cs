using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>How stacking builds its meta-features.</summary>
/// <param name="InnerFolds">Inner k-fold over the training rows that produces the out-of-fold base predictions.</param>
/// <param name="LearnerOptions">Options per learner name (base or meta); a learner not listed uses its defaults.</param>
public sealed record StackingOptions(int InnerFolds = 5, IReadOnlyDictionary<string, LearnerOptions>? LearnerOptions = null)
{
    internal LearnerOptions? For(string learner) => LearnerOptions?.GetValueOrDefault(learner);
}
