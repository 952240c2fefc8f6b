using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// Model fusion with learned weights (<c>late/&lt;learner&gt;</c>): one learner per modality block, each normalised and
/// trained on the rows where its block is present; their predictions are averaged with weights on the simplex that
/// minimise the log-loss (squared error for regression) of the out-of-fold predictions of an inner k-fold over the
/// training rows. The per-modality learners are then refitted on all training rows. At prediction a row's weights are
/// renormalised over the modalities present in it; a row with none gets the training prior.
/// </summary>
public sealed class LateFusionStrategy(string learner, LearnerOptions? options = null, LateFusionOptions? late = null) : IFusionStrategy
{
    private readonly LateFusionOptions _late = late ?? new LateFusionOptions();

    /// <summary><inheritdoc /></summary>
    public string Name => $"late/{learner}";

    /// <summary><inheritdoc /></summary>
    public string Fusion => "late";

    /// <summary><inheritdoc /></summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        FusionBlocks.CheckTraining(train);
        var fit = new BlockLearner(learner, options, train.Task, train.ClassCount, train.Seed, train.Normalize);
        var ensemble = ModalityEnsemble.Fit(train, fit);
        var folds = OutOfFold.Folds(train.Targets, train.Task, _late.InnerFolds, train.Seed);
        // A modality without a learner on all rows gets no weight: it could never take part at prediction.
        var outOfFold = train.Blocks.Select((b, m) => ensemble.Trained(m)
            ? OutOfFold.Predict(b, train.Targets, train.Weights, fit, folds)
            : new float[]?[train.Rows]).ToArray();
        var weights = SimplexWeights.Fit(outOfFold, train.Targets, train.Task, _late.Steps, train.Weights);
        return new LateFusionModel(learner, ensemble, weights, _late);
    }
}
