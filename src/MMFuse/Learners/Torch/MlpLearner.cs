using MMFuse.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>The <c>mlp</c> learner: a TorchSharp multilayer perceptron with cross-entropy (classification) or
/// MSE on a standardised target (regression), sample weights in the loss, and early stopping on a held-back
/// share of the training rows.</summary>
public sealed class MlpLearner(MlpOptions? options = null) : ILearner
{
    /// <summary>The network and training options (defaults when none were given).</summary>
    public MlpOptions Options { get; } = options ?? new MlpOptions();

    /// <summary><inheritdoc /></summary>
    public string Name => "mlp";

    /// <summary><inheritdoc /></summary>
    public IPredictor Fit(LearnerData data) => Train(data);

    internal MlpPredictor Train(LearnerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var training = Options.ResolvedTraining;
        OptimizerFactory.Validate(training);
        var activation = MlpArchitecture.NormaliseActivation(Options.Activation);
        var hidden = Options.ResolvedHiddenSizes.ToArray();
        if (hidden.Any(h => h < 1))
            throw new ArgumentException("Hidden layer sizes must be positive.");
        if (Options.Dropout is < 0 or >= 1)
            throw new ArgumentException($"Dropout must be in [0, 1) (got {Options.Dropout}).");
        LearnerDataChecks.Validate(data);
        var weights = data.Weights ?? Enumerable.Repeat(1f, data.Rows).ToArray();

        var classification = data.Task != TaskKind.Regression;
        var architecture = new MlpArchitecture(data.Columns, hidden, classification ? data.ClassCount : 1, activation,
            Options.Dropout, Options.LayerNorm);
        var (trainRows, validationRows) = InnerSplit.Split(data.Labels, data.Task, Options.ValidationFraction, training.Seed);

        var standardiser = Standardiser.Fit(data.Features, trainRows, data.Columns);
        var (targetMean, targetScale) = classification ? (0f, 1f) : TargetMoments(data.Labels, trainRows);

        return TorchRuntime.Train(training, drawsFromGlobalGenerator: false, architecture.Build, (network, _) =>
        {
            using var x = tensor(standardiser.Transform(data.Features), data.Rows, data.Columns);
            using var y = classification
                ? tensor(data.Labels.Select(l => (long)l).ToArray())
                : tensor(data.Labels.Select(l => (l - targetMean) / targetScale).ToArray());
            using var w = tensor(weights);
            using var trainIndex = tensor(trainRows.Select(i => (long)i).ToArray());
            using var validationIndex = tensor(validationRows.Select(i => (long)i).ToArray());
            // Held for the whole training: a temporary Scalar could be freed mid-call (see HeldScalars).
            using var tiny = 1e-12.ToScalar();

            // Rows of the whole data set picked by an index tensor, then the weighted mean loss.
            Tensor Loss(Tensor rows)
            {
                var output = network.forward(x.index_select(0, rows));
                var target = y.index_select(0, rows);
                var rowWeights = w.index_select(0, rows);
                var perRow = classification
                    ? nn.functional.cross_entropy(output, target, reduction: nn.Reduction.None)
                    : (output.squeeze(1) - target).square();
                return (perRow * rowWeights).sum() / rowWeights.sum().clamp_min(tiny);
            }

            TrainingResult result;
            try
            {
                result = new TorchTrainer(training).Train(network, trainRows.Length,
                    batch => Loss(trainIndex.index_select(0, batch)),
                    validationRows.Length == 0 ? null : () => Loss(validationIndex));
            }
            catch
            {
                network.Dispose();
                throw;
            }
            return new MlpPredictor(architecture, data.Task, standardiser, targetMean, targetScale, network, training.Threads)
            {
                Training = result,
            };
        });
    }

    internal static (float Mean, float Scale) TargetMoments(float[] labels, int[] rows)
    {
        var mean = rows.Average(r => (double)labels[r]);
        var variance = rows.Average(r => Math.Pow(labels[r] - mean, 2));
        return ((float)mean, variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f);
    }
}
