using MMFuse.Data;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>Trains a <see cref="JointNetwork"/> with the shared <see cref="TorchTrainer"/>: cross-entropy on logits,
/// binary cross-entropy on one logit per label (multi-label) or MSE on a standardised target, modality dropout on the
/// training batches, early stopping on an inner split.</summary>
internal static class JointTrainer
{
    /// <param name="architecture">The network to build and train.</param>
    /// <param name="rows">Input rows in the <see cref="JointPredictor"/> layout: normalised blocks, then presence flags.</param>
    /// <param name="targets">Class index, label-set code (<see cref="LabelSetCode"/>, multi-label) or value per row.</param>
    /// <param name="task">Chooses the loss: cross-entropy for classification, binary cross-entropy per label for
    /// multi-label (the architecture has one output per label), MSE on the standardised target for regression.</param>
    /// <param name="options">Modality dropout and the validation share.</param>
    /// <param name="training">Optimiser, schedule, epochs, threads and seed.</param>
    /// <param name="weights">Sample weight per row: the loss is the weighted mean of the per-row losses; null for none.</param>
    public static JointPredictor Train(JointArchitecture architecture, float[][] rows, float[] targets, TaskKind task,
        JointOptions options, TrainingOptions training, float[]? weights = null)
    {
        if (rows.Length != targets.Length)
            throw new ArgumentException($"{rows.Length} rows but {targets.Length} targets.");
        var multilabel = task == TaskKind.Multilabel;
        var classification = task is TaskKind.Binary or TaskKind.Multiclass;
        var (trainRows, validationRows) = InnerSplit.Split(targets, task, options.ValidationFraction, training.Seed);
        var (targetMean, targetScale) = task != TaskKind.Regression ? (0f, 1f) : MlpLearner.TargetMoments(targets, trainRows);

        return TorchRuntime.Train(training, architecture.DrawsFromGlobalGenerator, architecture.Build, (network, generator) =>
        {
            try
            {
                var (flat, flags) = JointPredictor.Split(architecture, rows);
                using var x = tensor(flat, rows.Length, architecture.Columns - architecture.Modalities);
                using var present = tensor(flags, rows.Length, architecture.Modalities);
                using var y = multilabel
                    ? tensor(targets.SelectMany(t => LabelSetCode.Decode(t, architecture.Outputs)).Select(h => h ? 1f : 0f).ToArray(), rows.Length, architecture.Outputs)
                    : classification
                        ? tensor(targets.Select(t => (long)t).ToArray())
                        : tensor(targets.Select(t => (t - targetMean) / targetScale).ToArray());
                using var trainIndex = tensor(trainRows.Select(i => (long)i).ToArray());
                using var validationIndex = tensor(validationRows.Select(i => (long)i).ToArray());
                using var w = weights is null ? null : tensor(weights);
                // Held for the whole training: a temporary Scalar could be freed mid-call (see HeldScalars).
                using var tiny = 1e-12.ToScalar();

                Tensor Loss(Tensor index, double modalityDropout)
                {
                    var mask = ModalityDropout.Apply(present.index_select(0, index), modalityDropout, generator);
                    var output = network.forward(x.index_select(0, index), mask);
                    var target = y.index_select(0, index);
                    if (w is null)
                        return multilabel
                            ? nn.functional.binary_cross_entropy_with_logits(output, target)
                            : classification
                                ? nn.functional.cross_entropy(output, target)
                                : nn.functional.mse_loss(output.squeeze(1), target);
                    var rowWeights = w.index_select(0, index);
                    // Multi-label: a row's loss is the mean over its labels, so equal weights give the unweighted loss.
                    var perRow = multilabel
                        ? nn.functional.binary_cross_entropy_with_logits(output, target, reduction: nn.Reduction.None).mean([1])
                        : classification
                            ? nn.functional.cross_entropy(output, target, reduction: nn.Reduction.None)
                            : (output.squeeze(1) - target).square();
                    return (perRow * rowWeights).sum() / rowWeights.sum().clamp_min(tiny);
                }

                var result = new TorchTrainer(training).Train(network, trainRows.Length,
                    batch => Loss(trainIndex.index_select(0, batch), options.ModalityDropout),
                    validationRows.Length == 0 ? null : () => Loss(validationIndex, 0));
                return new JointPredictor(architecture, task, targetMean, targetScale, network, training.Threads) { Training = result };
            }
            catch
            {
                network.Dispose();
                throw;
            }
        });
    }
}
