using System.Globalization;

namespace MMFuse.Data;

/// <summary>A sample-weight cell (<see cref="ColumnRole.Weight"/>): a finite number, zero or more. Anything else makes
/// the row unusable: it stops the run under <see cref="BadRowPolicy.Fail"/> and is skipped (and counted) otherwise.</summary>
internal static class WeightCell
{
    /// <summary>Why the cell is not a weight, or null when it is one.</summary>
    public static string? Problem(string? value)
    {
        if (value is null)
            return "the sample weight is empty";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !float.IsFinite((float)weight))
            return $"sample weight '{value}' is not a number";
        return weight < 0 ? $"sample weight '{value}' is negative" : null;
    }

    /// <summary>The weight of a cell that passed <see cref="Problem"/>.</summary>
    public static float Parse(string value) => (float)double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
