namespace MMFuse.Data.Leakage;

/// <summary>When <see cref="LeakageScanner"/> speaks up. The defaults flag what is near-certain leakage and stay
/// quiet on honest features that are merely strong (checked on the shared emoji and avdigits tables).</summary>
/// <param name="MappingPurity">Share of rows whose label is their value's most common label, above which a column
/// "determines" the label.</param>
/// <param name="MinRepeatedShare">The mapping check needs this share of rows to carry a value seen at least twice
/// (a value seen once determines its row's label trivially: that is the id-like case).</param>
/// <param name="IdDistinctShare">Distinct values per row above which a categorical feature is id-like.</param>
/// <param name="MissingPrecision">Share of a column's missing cells that fall on one label value.</param>
/// <param name="MissingRecall">Share of that label value's rows whose cell is missing.</param>
/// <param name="RegressionCorrelation">|Pearson r| between a numeric feature and a numeric label.</param>
/// <param name="MinRows">Below this many rows nothing is judged.</param>
/// <param name="MaxTrackedValues">Distinct values tracked per column, so a huge column cannot exhaust memory.</param>
public sealed record LeakageThresholds(
    double MappingPurity = 0.98,
    double MinRepeatedShare = 0.5,
    double IdDistinctShare = 0.9,
    double MissingPrecision = 0.95,
    double MissingRecall = 0.9,
    double RegressionCorrelation = 0.995,
    int MinRows = 20,
    int MaxTrackedValues = 100_000);
