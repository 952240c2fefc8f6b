using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Tests.Learners.Torch;

/// <summary>Every optimiser and schedule name drives a tiny linear regression through the shared trainer.</summary>
[Collection(TorchCollection.Name)]
public sealed class TorchTrainerTests
{
    [Theory]
    [InlineData("gd")]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("nesterov")]
    [InlineData("adam")]
    [InlineData("adamw")]
    public void Every_optimiser_reduces_the_loss(string optimizer)
    {
        var options = new TrainingOptions(Optimizer: optimizer, LearningRate: optimizer.StartsWith("adam") ? 0.05 : null,
            BatchSize: 16, Epochs: 15, Seed: 3, Threads: 1);
        var (before, after, _) = TrainLinear(options);
        Assert.True(after < 0.2 * before, $"{optimizer}: loss {before} -> {after}");
    }

    [Fact]
    public void No_schedule_keeps_the_rate()
    {
        var (_, _, result) = TrainLinear(new TrainingOptions(Optimizer: "sgd", LearningRate: 0.01, Epochs: 6, Threads: 1));
        Assert.All(result.LearningRates, lr => Assert.Equal(0.01, lr, 12));
    }

    [Fact]
    public void Step_schedule_drops_the_rate_tenfold_each_third_of_the_run()
    {
        var (before, after, result) = TrainLinear(new TrainingOptions(Optimizer: "momentum", LearningRate: 0.05, Epochs: 9, LrSchedule: "step", Threads: 1));
        Assert.True(after < before);
        Assert.Equal([0.05, 0.05, 0.005, 0.005, 0.005, 0.0005, 0.0005, 0.0005, 0.00005], result.LearningRates.Select(r => Math.Round(r, 8)));
    }

    [Fact]
    public void Cosine_schedule_anneals_towards_zero()
    {
        var (before, after, result) = TrainLinear(new TrainingOptions(Optimizer: "adam", LearningRate: 0.05, Epochs: 8, LrSchedule: "cosine", Threads: 1));
        Assert.True(after < before);
        // lr_t = 0.05 (1 + cos(pi t / 8)) / 2 after t epochs.
        for (var t = 1; t <= 8; t++)
            Assert.Equal(0.05 * (1 + Math.Cos(Math.PI * t / 8)) / 2, result.LearningRates[t - 1], 6);
    }

    [Fact]
    public void Plateau_schedule_halves_the_rate_once_the_loss_stalls()
    {
        // A bias-free model fed zeros always outputs 0: the loss is stuck at 1, so the rate must be cut.
        using var scope = NewDisposeScope();
        torch.manual_seed(1);
        var model = nn.Linear(2, 1, hasBias: false);
        var x = zeros(20, 2);
        var y = ones(20, 1);
        var options = new TrainingOptions(Optimizer: "sgd", LearningRate: 0.1, Epochs: 8, LrSchedule: "plateau", Patience: 3, Threads: 1);
        var result = new TorchTrainer(options).Train(model, 20, rows => (model.forward(x.index_select(0, rows)) - y.index_select(0, rows)).square().mean(), null);
        Assert.Equal(0.1, result.LearningRates[0], 12);
        Assert.True(result.LearningRates[^1] <= 0.025 + 1e-12, string.Join(", ", result.LearningRates));
    }

    [Fact]
    public void Unknown_names_list_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainLinear(new TrainingOptions(Optimizer: "rmsprop")));
        Assert.Contains("gd, sgd, momentum, nesterov, adam, adamw", e.Message);
        e = Assert.Throws<ArgumentException>(() => TrainLinear(new TrainingOptions(LrSchedule: "warmup")));
        Assert.Contains("none, step, cosine, plateau", e.Message);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(2);
        var model = nn.Linear(1, 1);
        var x = randn(40, 1);
        var y = randn(40, 1); // unrelated to x: the validation loss cannot keep improving
        var validation = randn(20, 1);
        var validationTarget = randn(20, 1);
        var options = new TrainingOptions(Optimizer: "adam", LearningRate: 0.05, BatchSize: 8, Epochs: 200, Patience: 4, Threads: 1);
        var result = new TorchTrainer(options).Train(model, 40, rows => (model.forward(x.index_select(0, rows)) - y.index_select(0, rows)).square().mean(),
            () => (model.forward(validation) - validationTarget).square().mean());
        Assert.True(result.StoppedEarly);
        Assert.Equal(result.BestEpoch + 4, result.EpochsRun);
        using (no_grad())
        {
            var restored = (model.forward(validation) - validationTarget).square().mean().item<float>();
            Assert.Equal(result.ValidationLosses.Min(), restored, 5);
        }
    }

    /// <summary>y = x · (2, -1) + 0.5 on 64 rows; returns the full-data loss before and after training.</summary>
    private static (double Before, double After, TrainingResult Result) TrainLinear(TrainingOptions options)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(7);
        var model = nn.Linear(2, 1);
        var x = randn(64, 2);
        using var half = 0.5f.ToScalar();
        var y = x.matmul(tensor(new float[] { 2, -1 }, 2, 1)).add(half, HeldScalars.One);
        double Loss() { using var _ = no_grad(); return (model.forward(x) - y).square().mean().item<float>(); }
        var before = Loss();
        var result = new TorchTrainer(options).Train(model, 64, rows => (model.forward(x.index_select(0, rows)) - y.index_select(0, rows)).square().mean(), null);
        return (before, Loss(), result);
    }
}
