using MMFuse.Data;

namespace MMFuse.Features.Extraction;

/// <summary>One column's features for every row of the table, with what its extraction counted (hits, failures, time).</summary>
public sealed record ColumnExtraction(ColumnSchema Column, FeatureBlock Block, ExtractionReport Report);
