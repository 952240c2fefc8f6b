using MMFuse.Features.Extraction;

namespace MMFuse;

/// <summary>Features of every image, audio and text column: one block and report per column, the ids and table
/// positions of the rows kept (rows whose file failed are left out under the <c>skip</c> policy), and the cache used.</summary>
public sealed record FeatureExtraction(IReadOnlyList<ColumnExtraction> Columns, IReadOnlyList<string> Ids, int[] Kept, string CacheFolder);
