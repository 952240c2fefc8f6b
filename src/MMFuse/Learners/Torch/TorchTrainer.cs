using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// The reusable training loop for any TorchSharp module: seeded mini-batch shuffling, optimiser and schedule
/// stepping, and early stopping on a validation loss with the best weights restored. The caller supplies the
/// losses, so the MLP and the joint fusion networks share it with different modules and inputs.
/// Build the module and call <see cref="Train"/> inside <see cref="TorchRuntime.Seeded"/> for reproducible runs.
/// </summary>
internal sealed class TorchTrainer(TrainingOptions options)
{
    /// <summary>Trains <paramref name="model"/> in place and leaves it in eval mode.</summary>
    /// <param name="model">The module to train.</param>
    /// <param name="trainRows">Number of training rows; batches are index sets into 0..trainRows-1.</param>
    /// <param name="batchLoss">Scalar (weighted mean) loss of the training rows named by a 1-D int64 index tensor, with grad.</param>
    /// <param name="validationLoss">Scalar loss of the validation rows; null when there is no validation split
    /// (then all epochs run and the final weights are kept). Called in eval mode under no_grad.</param>
    public TrainingResult Train(nn.Module model, int trainRows, Func<Tensor, Tensor> batchLoss, Func<Tensor>? validationLoss)
    {
        if (trainRows < 1)
            throw new ArgumentException("There are no training rows.");
        OptimizerFactory.Validate(options);
        var batchSize = OptimizerFactory.IsFullBatch(options.Optimizer) ? trainRows : Math.Min(options.BatchSize, trainRows);
        var plateau = OptimizerFactory.IsPlateau(options);
        var earlyStopping = validationLoss is not null && options.Patience > 0;

        using var optimizer = OptimizerFactory.CreateOptimizer(model.parameters(), options);
        var schedule = OptimizerFactory.CreateSchedule(optimizer, options);
        var rng = new Random(options.Seed);
        var order = new long[trainRows];
        for (var i = 0; i < trainRows; i++)
            order[i] = i;

        var trainLosses = new List<double>();
        var validationLosses = new List<double>();
        var learningRates = new List<double>();
        Dictionary<string, Tensor>? best = null;
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        var stoppedEarly = false;
        try
        {
            for (var epoch = 1; epoch <= options.Epochs; epoch++)
            {
                model.train();
                if (batchSize < trainRows)
                    rng.Shuffle(order);
                var sum = 0.0;
                for (var start = 0; start < trainRows; start += batchSize)
                {
                    using var scope = NewDisposeScope();
                    var count = Math.Min(batchSize, trainRows - start);
                    optimizer.zero_grad();
                    var loss = batchLoss(tensor(order.AsSpan(start, count).ToArray()));
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>() * count;
                }
                var trainLoss = sum / trainRows;
                ThrowIfDiverged(trainLoss, epoch);
                trainLosses.Add(trainLoss);

                double? validation = null;
                if (validationLoss is not null)
                {
                    model.eval();
                    using var scope = NewDisposeScope();
                    using var noGrad = no_grad();
                    validation = validationLoss().item<float>();
                    validationLosses.Add(validation.Value);
                }

                if (plateau)
                    schedule!.step(validation ?? trainLoss);
                else
                    schedule?.step();
                learningRates.Add(optimizer.ParamGroups.First().LearningRate);

                if (!earlyStopping)
                {
                    bestEpoch = epoch;
                    continue;
                }
                if (validation!.Value < bestLoss)
                {
                    bestLoss = validation.Value;
                    bestEpoch = epoch;
                    DisposeAll(best);
                    best = Snapshot(model);
                }
                else if (epoch - bestEpoch >= options.Patience)
                {
                    stoppedEarly = epoch < options.Epochs;
                    break;
                }
            }
            if (best is not null)
                Restore(model, best);
        }
        finally
        {
            DisposeAll(best);
        }
        model.eval();
        return new TrainingResult(trainLosses.Count, bestEpoch, stoppedEarly, trainLosses, validationLosses, learningRates);
    }

    private static void ThrowIfDiverged(double loss, int epoch)
    {
        if (!double.IsFinite(loss))
            throw new InvalidOperationException(
                $"Training diverged: the loss became {loss} in epoch {epoch}. Lower the learning rate or pick another optimiser.");
    }

    /// <summary>Copies of every parameter and buffer, kept outside any dispose scope.</summary>
    private static Dictionary<string, Tensor> Snapshot(nn.Module model)
    {
        var copy = new Dictionary<string, Tensor>();
        using var noGrad = no_grad();
        foreach (var (name, tensor) in model.state_dict())
        {
            using var detached = tensor.detach();
            copy[name] = detached.clone().DetachFromDisposeScope();
        }
        return copy;
    }

    private static void Restore(nn.Module model, Dictionary<string, Tensor> snapshot)
    {
        using var noGrad = no_grad();
        foreach (var (name, tensor) in model.state_dict())
            tensor.copy_(snapshot[name]);
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null)
            return;
        foreach (var t in tensors.Values)
            t.Dispose();
        tensors.Clear();
    }
}
