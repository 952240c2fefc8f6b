using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;

namespace MMFuse;

/// <summary>
/// Factory functions for fusion strategies, composed from objects: <c>Strategies.Early(Learner.Mlp())</c>,
/// <c>Strategies.Joint(JointKind.Gated)</c>, <c>Strategies.Ensemble(a, b)</c>. <see cref="All"/> is what
/// <c>mmfuse compare</c> runs by default.
/// </summary>
public static class Strategies
{
    /// <summary>Early fusion: the normalised blocks joined into one vector for one learner.</summary>
    public static IFusionStrategy Early(LearnerSpec learner) => new EarlyFusionStrategy(learner.Name, learner.Options);

    /// <summary>Late fusion: one learner per modality, their probabilities combined with weights learned out of fold.</summary>
    public static IFusionStrategy Late(LearnerSpec learner, LateFusionOptions? options = null) => new LateFusionStrategy(learner.Name, learner.Options, options);

    /// <summary>Soft voting: one learner per modality, probabilities averaged (with weights per modality if given).</summary>
    public static IFusionStrategy SoftVote(LearnerSpec learner, IReadOnlyDictionary<string, double>? weights = null) =>
        new VoteStrategy(learner.Name, VoteMode.Soft, weights, learner.Options);

    /// <summary>Hard voting: one learner per modality, the majority class wins.</summary>
    public static IFusionStrategy HardVote(LearnerSpec learner, IReadOnlyDictionary<string, double>? weights = null) =>
        new VoteStrategy(learner.Name, VoteMode.Hard, weights, learner.Options);

    /// <summary>Stacking: base learners per modality give out-of-fold probabilities, a meta-learner learns from them.</summary>
    /// <param name="meta">The meta-learner.</param>
    /// <param name="bases">The base learners (default logreg and a small gbdt).</param>
    /// <param name="passthrough">Also give the meta-learner the normalised blocks.</param>
    /// <param name="innerFolds">Inner folds for the out-of-fold probabilities.</param>
    /// <param name="inputs">What the base learners see: each modality alone, the concatenated blocks, or both (default).</param>
    public static IFusionStrategy Stacking(LearnerSpec meta, IReadOnlyList<LearnerSpec>? bases = null, bool passthrough = false,
        int innerFolds = StrategyCatalog.StackingInnerFolds, StackingBases inputs = StackingBases.Both)
    {
        bases ??= [Learner.LogReg(), Learner.Gbdt(StrategyCatalog.StackingBaseGbdt)];
        var options = bases.Where(b => b.Options is not null).ToDictionary(b => b.Name, b => b.Options!);
        if (meta.Options is not null) options[meta.Name] = meta.Options;
        return new StackingStrategy(bases.Select(b => b.Name).ToList(), meta.Name, passthrough, new StackingOptions(innerFolds, options, inputs));
    }

    /// <summary>A network trained end to end over every modality: an encoder per modality and a fusion layer of this kind.</summary>
    public static IFusionStrategy Joint(JointKind kind, JointOptions? options = null) => new JointFusionStrategy(kind, options);

    /// <summary>One modality alone (a baseline): <paramref name="modality"/> is a block name (a column, or <c>tabular</c>).</summary>
    public static IFusionStrategy Only(string modality, LearnerSpec learner) => new UnimodalStrategy(modality, learner.Name, learner.Options);

    /// <summary>The strategy trained on its training rows plus copies with each modality absent, to expect missing modalities at prediction time.</summary>
    public static IFusionStrategy WithAbsence(IFusionStrategy strategy) => new AbsenceTrainingStrategy(strategy);

    /// <summary>The members' probabilities averaged; compared beside its members, it is scored from their fold predictions.</summary>
    public static IFusionStrategy Ensemble(string name, params IFusionStrategy[] members) => new EnsembleStrategy(name, members);

    /// <summary>
    /// The default comparison: early, late, soft-vote and stacking with logreg, early with an MLP, the five joint
    /// networks and the ensemble of two of them with early/mlp (each strategy object once, so the ensemble reuses its
    /// members' results).
    /// </summary>
    public static IReadOnlyList<IFusionStrategy> All => StrategyCatalog.Create(StrategyCatalog.Defaults, null, []);
}
