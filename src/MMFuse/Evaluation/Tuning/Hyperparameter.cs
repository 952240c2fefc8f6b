using System.Globalization;

namespace MMFuse.Evaluation.Tuning;

/// <summary>One searched setting: a range sampled uniformly (or log-uniformly), rounded for whole numbers, or a list of choices.</summary>
/// <param name="Name">The setting's name in the trial reports (<c>learning_rate</c>, <c>l2</c>, <c>leaves</c>, ...).</param>
/// <param name="Min">Smallest value (ignored with <paramref name="Choices"/>).</param>
/// <param name="Max">Largest value (ignored with <paramref name="Choices"/>).</param>
/// <param name="Log">Sample the logarithm uniformly (rates and penalties spanning decades).</param>
/// <param name="Integer">Round to a whole number.</param>
/// <param name="Choices">Pick one of these instead of a range.</param>
public sealed record Hyperparameter(string Name, double Min, double Max, bool Log = false, bool Integer = false, IReadOnlyList<double>? Choices = null)
{
    /// <summary>A value drawn from <paramref name="random"/>.</summary>
    public double Sample(Random random)
    {
        if (Choices is { Count: > 0 } choices)
            return choices[random.Next(choices.Count)];
        var u = random.NextDouble();
        var value = Log ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))) : Min + u * (Max - Min);
        return Integer ? Math.Round(value) : value;
    }

    /// <summary>A value as the reports show it: whole numbers as such, others with 4 significant digits.</summary>
    public string Format(double value) => Integer || Choices is not null && value == Math.Round(value)
        ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);
}
