using MMFuse.Data;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion.MultiLabel;
using MMFuse.Learners;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// Joint (intermediate) fusion: one small encoder per modality block and a fusion module (<see cref="JointKind"/>)
/// trained end to end with the head. Each block is normalised on its present training rows; an absent block is
/// replaced by a learned embedding, and modality dropout during training makes predictions degrade gracefully
/// when blocks are missing. Name and family are both <c>joint-&lt;kind&gt;</c>. A multi-label task trains one network
/// with a sigmoid output per label, or one network per label (<see cref="JointOptions.MultiLabelHead"/>).
/// </summary>
/// <param name="kind">The fusion module.</param>
/// <param name="options">The network and training options; null for the defaults.</param>
/// <param name="thresholdFolds">Multi-label only: inner folds the labels' decision thresholds are tuned over; 0 keeps
/// every threshold at 0.5.</param>
public sealed class JointFusionStrategy(JointKind kind, JointOptions? options = null, int thresholdFolds = BinaryRelevanceStrategy.DefaultThresholdFolds)
    : IFusionStrategy
{
    /// <summary>The fusion module trained.</summary>
    public JointKind Kind => kind;

    /// <summary>The network and training options (defaults when none were given).</summary>
    public JointOptions Options { get; } = options ?? new JointOptions();

    /// <summary><inheritdoc /></summary>
    public string Name => JointKinds.Name(kind);

    /// <summary><inheritdoc /></summary>
    public string Fusion => JointKinds.Name(kind);

    /// <summary>Trains on <paramref name="train"/>; a multi-label set gets its label sets predicted by one shared network
    /// or by binary relevance (<see cref="JointOptions.MultiLabelHead"/>), thresholds tuned out of fold either way.</summary>
    public IFusionModel Fit(FusionTrainingSet train) => train.Task != TaskKind.Multilabel
        ? Train(train)
        : Options.MultiLabelHead == MultiLabelHead.PerLabel
            ? new BinaryRelevanceStrategy(this, thresholdFolds).Fit(train)
            : SharedHeadModel.Fit(this, train, thresholdFolds);

    /// <summary>The network on <paramref name="train"/>'s rows; for a multi-label set, one sigmoid output per label.</summary>
    internal JointFusionModel Train(FusionTrainingSet train)
    {
        ArgumentNullException.ThrowIfNull(train);
        Options.Validate();
        EarlyFusionModel.CheckBlocks(train.Blocks);
        // Every block gets a presence flag (not only those with an absent training row): the network needs to know
        // at prediction time which blocks to replace by their absent embeddings.
        // A spectrogram the CNN reads keeps its raw log-mel values: the encoder normalises each clip itself, and a
        // per-column z-score would erase the spectral shape that tells sounds apart.
        var spectrograms = SpectrogramBlocks.Bands(train.Blocks, Options.AudioEncoder);
        var assembler = new EarlyFusionModel(train.Blocks.Select((b, m) => BlockNormalizer.Fit(b, spectrograms[m] > 0 ? NormalizeMode.None : train.Normalize)).ToArray(),
            train.Blocks.Select(b => b.Modality).ToArray());
        var rows = assembler.Transform(train.Blocks);
        LearnerDataChecks.Validate(new LearnerData(rows, train.Targets, train.Task, train.ClassCount, train.Weights));

        var outputs = train.Task == TaskKind.Regression ? 1 : train.ClassCount;
        var architecture = JointArchitecture.From(kind, assembler.Normalizers.Select(n => n.Dimension), Options, outputs, spectrograms);
        var training = Options.ResolvedTraining with { Seed = train.Seed };
        var predictor = JointTrainer.Train(architecture, rows, train.Targets, train.Task, Options, training, train.Weights);
        // The model records the options it was really trained with, seed included.
        return new JointFusionModel(kind, Options with { Training = training }, assembler, predictor, predictor.Training);
    }
}
