using System.Text.Json.Serialization;
using MMFuse.Data;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// A numeric column: the value itself (missing or unparseable → the training median), plus a 0/1
/// "<c>name_missing</c>" indicator when the column had a missing value among the training rows.
/// </summary>
/// <param name="Name">The column's name in the manifest.</param>
/// <param name="Median">Median of the parseable training values; 0 when the training rows had none.</param>
/// <param name="MissingIndicator">Whether the column carries the missing indicator (fixed at fit time).</param>
public sealed record NumericColumnModel(string Name, double Median, bool MissingIndicator) : TabularColumnModel(Name)
{
    /// <summary>1, or 2 with the missing indicator.</summary>
    [JsonIgnore]
    public override int Width => MissingIndicator ? 2 : 1;

    /// <summary>The column's name, then <c>name_missing</c> when it has the indicator.</summary>
    public override IEnumerable<string> FeatureNames() =>
        MissingIndicator ? [Name, Name + "_missing"] : [Name];

    internal override bool Encode(string? cell, Span<float> output)
    {
        // An unparseable cell was already reported by validation; here it is simply missing.
        var present = TryParse(cell, out var value);
        output[0] = (float)(present ? value : Median);
        if (MissingIndicator)
            output[1] = present ? 0f : 1f;
        return present;
    }

    internal static bool TryParse(string? cell, out double value)
    {
        value = 0;
        return cell is not null && ColumnProfile.TryParseNumber(cell, out value);
    }
}
