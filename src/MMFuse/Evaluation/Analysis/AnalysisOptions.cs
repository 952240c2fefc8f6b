namespace MMFuse.Evaluation.Analysis;

/// <summary>What <see cref="AnalysisRunner"/> computes and how much. Defaults follow the issue: missing rates
/// 0, 0.2, …, 1; four noise levels; B = 1000 bootstrap resamples; the 10 most confident mistakes.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Retrain without each block (one extra cross-validation per block): the costliest part.</summary>
    public bool Ablation { get; init; } = true;

    /// <summary>Missing-rate and noise curves per block (reuse the fold models; prediction only).</summary>
    public bool Robustness { get; init; } = true;

    /// <summary>Fractions of each fold's test rows whose block is marked absent; ascending, within [0, 1].</summary>
    public IReadOnlyList<double> MissingRates { get; init; } = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    /// <summary>Noise levels 1..N are asked of the noise providers (level 0 is the clean input).</summary>
    public int NoiseLevels { get; init; } = 4;

    /// <summary>Standard deviation, in training-fold standard units, of the Gaussian noise added to the tabular
    /// block's numeric columns at levels 1..<see cref="NoiseLevels"/>; one value per level.</summary>
    public IReadOnlyList<double> TabularNoiseStd { get; init; } = [0.25, 0.5, 1.0, 2.0];

    /// <summary>Bootstrap resamples of the pooled out-of-fold predictions behind each metric's confidence
    /// interval.</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Two-sided level of the bootstrap interval and of the paired test's verdict.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>How many of the most confident wrong predictions to list.</summary>
    public int ConfidentErrors { get; init; } = 10;

    /// <summary>Folds trained, and bootstrap resamples scored, at the same time; 1 runs everything in
    /// sequence.</summary>
    public int Parallelism { get; init; } = 1;

    internal void Validate()
    {
        if (MissingRates.Count < 2 || MissingRates.Any(r => r is < 0 or > 1 || double.IsNaN(r))
            || MissingRates.Zip(MissingRates.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("Missing rates must be at least two strictly ascending values within [0, 1].");
        if (NoiseLevels < 1)
            throw new ArgumentException($"Noise levels must be at least 1, got {NoiseLevels}.");
        if (TabularNoiseStd.Count != NoiseLevels || TabularNoiseStd.Any(s => !(s >= 0) || double.IsInfinity(s)))
            throw new ArgumentException($"Need {NoiseLevels} finite, non-negative tabular noise levels, got {TabularNoiseStd.Count}.");
        if (BootstrapSamples < 1)
            throw new ArgumentException($"Bootstrap samples must be at least 1, got {BootstrapSamples}.");
        if (!(Alpha is > 0 and < 1))
            throw new ArgumentException($"Alpha must be within (0, 1), got {Alpha}.");
        if (ConfidentErrors < 0)
            throw new ArgumentException($"The number of confident errors cannot be negative, got {ConfidentErrors}.");
    }
}
